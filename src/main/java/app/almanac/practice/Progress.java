package app.almanac.practice;

import app.almanac.article.QuestionService;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's progress, read from their submitted answers and their revision cards: accuracy over
 * time, by paper and topic, calibration by confidence, activity, the reviews forecast to the exam, and
 * an expected GS Paper I score on the exam day.
 */
@Service
public class Progress {

    /** GS Paper I: 100 questions of 2 marks each. */
    static final int GS_QUESTIONS = 100;

    static final int GS_MARKS_EACH = 2;

    private static final int WEEKS = 12;
    private static final int HEATMAP_WEEKS = 26;

    /**
     * How many answers, how many right, and the net marks of one group, exact: the marks are summed as
     * a fraction of longs over the least common denominator (marks have small denominators, 3 or 6),
     * which a dashboard of 50,000 answers adds up far faster than {@link BigFraction}.
     */
    public static final class Tally {
        private final String name;
        private int answered;
        private int right;
        private int wrong;
        private long numerator;
        private long denominator = 1;

        Tally(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public int answered() {
            return answered;
        }

        public int right() {
            return right;
        }

        public int wrong() {
            return wrong;
        }

        public BigFraction marks() {
            return new BigFraction(numerator, denominator);
        }

        public int accuracy() {
            return right + wrong == 0 ? 0 : (int) Math.round(100.0 * right / (right + wrong));
        }

        public String net() {
            return Marks.decimal(marks());
        }

        /** Adds {@code count} answers with this outcome, each earning {@code num/den}. */
        void add(String outcome, long num, long den, int count) {
            answered += count;
            if ("right".equals(outcome)) {
                right += count;
            } else if ("wrong".equals(outcome)) {
                wrong += count;
            }
            num *= count;
            if (num != 0) {
                if (den != denominator) {
                    long lcm = denominator / gcd(denominator, den) * den;
                    numerator *= lcm / denominator;
                    num *= lcm / den;
                    denominator = lcm;
                }
                numerator += num;
            }
        }

        private static long gcd(long a, long b) {
            return b == 0 ? Math.abs(a) : gcd(b, a % b);
        }
    }

    /**
     * The expected GS Paper I score on the exam day (or today, without an exam date).
     *
     * @param topics each topic's weight in the paper and the learner's predicted recall of it
     */
    public record Expected(int score, int low, int high, LocalDate day, List<TopicRecall> topics, String sentence) {}

    /** A topic's share of the paper and the learner's predicted recall of its questions. */
    public record TopicRecall(String topic, double weight, double recall, int questions) {}

    /** An answer as the dashboard needs it (its marks as a fraction of longs). */
    private record Row(
            LocalDate day, long questionId, String outcome, String confidence, long num, long den, int count) {}

    /**
     * A learner's marked answers, counted in two groupings by the database rather than read one by
     * one: by attempt (for time, confidence and totals) and by question (for topics and recall).
     */
    private record Answers(List<Row> byAttempt, List<Row> byQuestion) {}

    private static final QuestionService.Topic OTHER = new QuestionService.Topic("Other", "Other");

    private final JdbcClient jdbc;
    private final QuestionService questions;
    private final Revision revision;

    Progress(JdbcClient jdbc, QuestionService questions, Revision revision) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.revision = revision;
    }

    @Transactional(readOnly = true)
    PracticePages.ProgressView of(long user, String error) {
        LocalDate today = revision.today();
        Answers answers = answers(user);
        Map<Long, QuestionService.Topic> topics = questions.topicsOf(
                answers.byQuestion().stream().map(Row::questionId).distinct().toList());

        // accuracy by week, the last WEEKS weeks
        LocalDate firstWeek = today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1L);
        Map<LocalDate, Tally> weeks = new TreeMap<>();
        for (int i = 0; i < WEEKS; i++) {
            LocalDate w = firstWeek.plusWeeks(i);
            weeks.put(w, new Tally(app.almanac.article.ReadingPages.shortDay(w)));
        }
        Map<String, Tally> byPaper = new TreeMap<>();
        Map<String, Tally> byTopic = new TreeMap<>();
        Map<String, Tally> byConfidence = new LinkedHashMap<>();
        for (String c : List.of("sure", "50-50", "guess", "not said")) {
            byConfidence.put(c, new Tally(c));
        }
        Map<LocalDate, Integer> perDay = new HashMap<>();
        Tally all = new Tally("All");
        for (Row r : answers.byAttempt()) {
            all.add(r.outcome(), r.num(), r.den(), r.count());
            Tally week = weeks.get(r.day().with(DayOfWeek.MONDAY));
            if (week != null) {
                week.add(r.outcome(), r.num(), r.den(), r.count());
            }
            if (!"blank".equals(r.outcome())) {
                Tally c = byConfidence.get(r.confidence() == null ? "not said" : r.confidence());
                if (c != null) {
                    c.add(r.outcome(), r.num(), r.den(), r.count());
                }
            }
            perDay.merge(r.day(), r.count(), Integer::sum);
        }
        for (Row r : answers.byQuestion()) {
            QuestionService.Topic t = topics.getOrDefault(r.questionId(), OTHER);
            byPaper.computeIfAbsent(t.paper(), Tally::new).add(r.outcome(), r.num(), r.den(), r.count());
            byTopic.computeIfAbsent(t.topic(), Tally::new).add(r.outcome(), r.num(), r.den(), r.count());
        }
        List<Tally> weekly = new ArrayList<>(weeks.values());
        List<Charts.Point> accuracyPoints = weekly.stream()
                .filter(t -> t.right() + t.wrong() > 0)
                .map(t -> new Charts.Point(t.name(), t.accuracy(), t.accuracy() + "% of " + (t.right() + t.wrong())))
                .toList();
        List<Tally> calibration =
                byConfidence.values().stream().filter(t -> t.answered() > 0).toList();
        Map<LocalDate, Integer> forecast = revision.forecast(user);
        List<Charts.Point> forecastPoints = forecast.entrySet().stream()
                .map(e -> new Charts.Point(
                        e.getKey().getDayOfMonth() + " "
                                + e.getKey()
                                        .getMonth()
                                        .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH),
                        e.getValue(),
                        e.getValue() + (e.getValue() == 1 ? " review" : " reviews")))
                .toList();
        ExamScheduler.Plan plan = revision.plan(user);
        return new PracticePages.ProgressView(
                true,
                today,
                plan.examDate(),
                plan.dailyBudget(),
                plan.retention(),
                error,
                all,
                weekly,
                Charts.line(
                        "accuracy-chart",
                        "Accuracy by week, last " + WEEKS + " weeks",
                        accuracyPoints,
                        100.0 / 3,
                        "33%: worth answering at all"),
                new ArrayList<>(byPaper.values()),
                new ArrayList<>(byTopic.values()),
                Charts.bars(
                        "topic-chart",
                        "Accuracy by topic",
                        byTopic.values().stream()
                                .filter(t -> t.right() + t.wrong() > 0)
                                .map(t -> new Charts.Point(
                                        t.name(), t.accuracy(), t.right() + " of " + (t.right() + t.wrong())))
                                .toList(),
                        Map.of()),
                calibration,
                Charts.bars(
                        "calibration-chart",
                        "How often each confidence was right (the dashed mark is what it should be)",
                        calibration.stream()
                                .map(t -> new Charts.Point(
                                        t.name(), t.accuracy(), t.right() + " of " + (t.right() + t.wrong())))
                                .toList(),
                        Map.of("sure", 95.0, "50-50", 50.0, "guess", 25.0)),
                Charts.heatmap(
                        "activity-chart",
                        "Answers per day, last " + HEATMAP_WEEKS + " weeks",
                        perDay,
                        today,
                        HEATMAP_WEEKS),
                streak(perDay.keySet(), today),
                longestStreak(perDay.keySet()),
                (int) perDay.keySet().stream()
                        .filter(d -> !d.isBefore(today.minusDays(29)))
                        .count(),
                forecast,
                Charts.columns(
                        "forecast-chart",
                        plan.examDate() != null && plan.examDate().isAfter(today)
                                ? "Reviews due each day from today to the exam"
                                : "Reviews due each day, the next 30 days",
                        forecastPoints),
                expected(user, answers.byQuestion(), topics, plan, today));
    }

    /**
     * The expected GS Paper I score: each topic weighs its share of the questions Almanac holds; a
     * topic's predicted recall is the mean over the questions the learner has answered on it of their
     * recall on the day (for a question in revision, if the planned reviews are done; for one answered
     * right and not in revision, from one Good review on the day it was last answered); a topic never
     * practised counts 0. The learner is assumed to answer what they recall and leave the rest
     * (a blind guess among four is worth nothing on average: ¼·2 − ¾·⅔ = 0). The range is the 95%
     * spread of the marks over 100 questions answered with those probabilities.
     */
    private Expected expected(
            long user,
            List<Row> rows,
            Map<Long, QuestionService.Topic> topics,
            ExamScheduler.Plan plan,
            LocalDate today) {
        LocalDate day = plan.examDate() != null && plan.examDate().isAfter(today) ? plan.examDate() : today;
        Map<Long, Revision.Card> cards = new HashMap<>();
        revision.all(user).forEach(c -> cards.put(c.questionId(), c));
        Map<Long, LocalDate> lastRight = new HashMap<>();
        for (Row r : rows) {
            if ("right".equals(r.outcome())) {
                lastRight.merge(r.questionId(), r.day(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Set<Long> answered = new HashSet<>();
        rows.forEach(r -> answered.add(r.questionId()));
        ExamScheduler scheduler = revision.scheduler();
        Fsrs.Memory good = new Fsrs().next(null, 0, Fsrs.Rating.GOOD);
        Map<String, double[]> recall = new TreeMap<>(); // topic → {sum, count}
        for (long q : answered) {
            Revision.Card c = cards.get(q);
            double p;
            if (c != null) {
                p = day.equals(today) ? c.recallToday() : c.recallOnExam();
            } else if (lastRight.containsKey(q)) {
                p = scheduler.recallOn(day, lastRight.get(q), good);
            } else {
                p = 0;
            }
            String topic = topics.getOrDefault(q, new QuestionService.Topic("Other", "Other"))
                    .topic();
            double[] acc = recall.computeIfAbsent(topic, k -> new double[2]);
            acc[0] += p;
            acc[1]++;
        }
        Map<String, Integer> pool = questions.topicCounts();
        double total = pool.values().stream().mapToInt(Integer::intValue).sum();
        List<TopicRecall> list = new ArrayList<>();
        double mean = 0;
        double variance = 0;
        for (var e : pool.entrySet()) {
            double w = total == 0 ? 0 : e.getValue() / total;
            double[] acc = recall.get(e.getKey());
            double p = acc == null || acc[1] == 0 ? 0 : acc[0] / acc[1];
            list.add(new TopicRecall(e.getKey(), w, p, acc == null ? 0 : (int) acc[1]));
            mean += GS_QUESTIONS * w * GS_MARKS_EACH * p;
            variance += GS_QUESTIONS * w * GS_MARKS_EACH * GS_MARKS_EACH * p * (1 - p);
        }
        list.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        double spread = 1.96 * Math.sqrt(variance);
        int max = GS_QUESTIONS * GS_MARKS_EACH;
        int score = (int) Math.round(mean);
        int low = (int) Math.max(0, Math.round(mean - spread));
        int high = (int) Math.min(max, Math.round(mean + spread));
        double share = mean / max;
        String when = day.equals(today) ? "today" : "on " + app.almanac.article.ReadingPages.shortDay(day);
        String sentence = "If you keep up your reviews, you would recall about " + Math.round(share * 100)
                + "% of what GS Paper I asks " + when + ", weighting each topic by its share of Almanac's questions"
                + " and counting topics you have not practised as nothing; answering only what you recall, that is "
                + score + " of " + max + " marks, and 95% of the time between " + low + " and " + high + ".";
        return new Expected(score, low, high, day, list, sentence);
    }

    /** The learner's marked answers, grouped by the database; each attempt's day is read once. */
    private Answers answers(long user) {
        java.time.ZoneId zone = revision.zone();
        Map<Long, LocalDate> days = new HashMap<>();
        jdbc.sql("select id, submitted_at from practice_attempt where user_id = :user and submitted_at is not null")
                .param("user", user)
                .query(rs -> {
                    Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    days.put(rs.getLong(1), at.atZone(zone).toLocalDate());
                });
        List<Row> byAttempt = new ArrayList<>();
        jdbc.sql("""
                        select p.attempt_id, p.outcome, p.confidence, p.marks_num, p.marks_den, count(*)
                        from practice_answer p
                        where p.attempt_id in (select a.id from practice_attempt a
                            where a.user_id = :user and a.submitted_at is not null)
                            and p.outcome in ('right', 'wrong', 'blank')
                        group by p.attempt_id, p.outcome, p.confidence, p.marks_num, p.marks_den""").param("user", user).query(rs -> {
            byAttempt.add(row(days.get(rs.getLong(1)), 0, rs.getString(2), rs.getString(3), rs, 4));
        });
        // by question: the latest attempt that holds it (ids grow with time) gives the day of its last answer
        List<Row> byQuestion = new ArrayList<>();
        jdbc.sql("""
                        select p.question_id, p.outcome, p.marks_num, p.marks_den, count(*), max(p.attempt_id)
                        from practice_answer p
                        where p.attempt_id in (select a.id from practice_attempt a
                            where a.user_id = :user and a.submitted_at is not null)
                            and p.outcome in ('right', 'wrong', 'blank')
                        group by p.question_id, p.outcome, p.marks_num, p.marks_den""").param("user", user).query(rs -> {
            byQuestion.add(row(days.get(rs.getLong(6)), rs.getLong(1), rs.getString(2), null, rs, 3));
        });
        return new Answers(byAttempt, byQuestion);
    }

    /** A grouped row whose marks and count start at column {@code marks}. */
    private static Row row(
            LocalDate day, long question, String outcome, String confidence, java.sql.ResultSet rs, int marks)
            throws java.sql.SQLException {
        long den = rs.getLong(marks + 1);
        return new Row(
                day,
                question,
                outcome,
                confidence,
                den == 0 ? 0 : rs.getLong(marks),
                den == 0 ? 1 : den,
                rs.getInt(marks + 2));
    }

    /** Days in a row with answers, up to today (or yesterday, if today has none yet). */
    static int streak(Set<LocalDate> days, LocalDate today) {
        LocalDate d = days.contains(today) ? today : today.minusDays(1);
        int n = 0;
        while (days.contains(d)) {
            n++;
            d = d.minusDays(1);
        }
        return n;
    }

    static int longestStreak(Set<LocalDate> days) {
        int best = 0;
        for (LocalDate d : days) {
            if (!days.contains(d.minusDays(1))) {
                int n = 0;
                while (days.contains(d.plusDays(n))) {
                    n++;
                }
                best = Math.max(best, n);
            }
        }
        return best;
    }
}
