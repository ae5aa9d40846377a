package app.almanac.practice;

import app.almanac.article.Question;
import app.almanac.article.StoredQuestion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The models of the practice pages (public: the precompiled templates live in another package). */
public final class PracticePages {

    private PracticePages() {}

    /**
     * {@code /practice}: the question bank with its filters and counts, and the quizzes to start.
     *
     * @param filters the filters as given (paper, category, tag, type, answered, from, to)
     * @param byType how many of the listed questions are of each type
     * @param answeredByMe ids of questions this learner has answered (empty for visitors)
     */
    public record Home(
            List<StoredQuestion> questions,
            int total,
            Map<String, String> filters,
            Map<QuestionType, Integer> byType,
            Map<String, Integer> byPaper,
            java.util.Set<Long> answeredByMe,
            boolean signedIn,
            LocalDate today,
            List<Attempt> history) {

        public QuestionType type(StoredQuestion q) {
            return QuestionType.of(q.question());
        }

        public String filter(String name) {
            return filters.getOrDefault(name, "");
        }
    }

    /**
     * {@code /practice/daily/{date}}: the day's quiz, and this learner's attempt at it if any.
     *
     * @param latest the newest day that has a quiz (offered when this one has none), or null
     */
    public record Daily(LocalDate date, int questions, Duration time, Attempt attempt, LocalDate latest) {}

    /**
     * The attempt page: the palette, one question, and the time left.
     *
     * @param current the position shown (0-based)
     */
    public record Sitting(
            Attempt attempt, List<StoredQuestion> questions, int current, Instant now, String notice, String error) {

        public StoredQuestion question() {
            return questions.get(current);
        }

        public Attempt.Answer answer() {
            return attempt.answers().get(current);
        }

        public QuestionType type() {
            return QuestionType.of(question().question());
        }

        public long secondsLeft() {
            return attempt.remaining(now).toSeconds();
        }

        public String timeLeft() {
            long s = secondsLeft();
            return s >= 3600
                    ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format("%d:%02d", s / 60, s % 60);
        }

        /** The palette state of the question at {@code position}. */
        public String state(int position) {
            Attempt.Answer a = attempt.answers().get(position);
            if (a.marked()) {
                return a.answered() ? "answered-marked" : "marked";
            }
            if (a.answered()) {
                return "answered";
            }
            return a.visited() ? "unanswered" : "not-visited";
        }

        public boolean chosen(Question.Option option) {
            String choice = answer().choice();
            return choice != null && choice.contains(option.label());
        }
    }

    /**
     * The result page.
     *
     * @param difficulty a difficulty label ("Fairly easy") by question id, for questions answered often enough
     */
    public record Marked(Result result, String notice, List<String> reportKinds, Map<Long, String> difficulty) {}

    /** The mistakes notebook, by topic. */
    public record NotebookView(
            boolean signedIn, String topic, List<String> topics, Map<String, List<Notebook.Entry>> entries) {}

    /** A learner's attempts. */
    public record History(List<Attempt> attempts) {}

    /**
     * {@code /practice/review}: what is due today, the exam plan, and the forecast to the exam.
     *
     * @param examDate the learner's exam date, or null
     * @param due today's cards with their questions, the most overdue first
     * @param cards how many cards are in revision in all
     * @param forecast reviews due per day from today
     */
    public record ReviewView(
            boolean signedIn,
            LocalDate today,
            LocalDate examDate,
            int budget,
            double retention,
            List<DueItem> due,
            int cards,
            Map<LocalDate, Integer> forecast,
            String error) {

        public String percent(double p) {
            return Double.isNaN(p) ? "–" : Math.round(p * 100) + "%";
        }
    }

    /** A card due today and its question. */
    public record DueItem(StoredQuestion question, Revision.Card card) {}

    /**
     * {@code /me/progress}: the learner's dashboard. Each chart is SVG drawn on the server, with its
     * figures in a table beside it.
     *
     * @param weeks accuracy per week, oldest first
     * @param streak days in a row with answers, up to today
     * @param activeDays days with answers in the last 30
     */
    public record ProgressView(
            boolean signedIn,
            LocalDate today,
            LocalDate examDate,
            int budget,
            double retention,
            String error,
            Progress.Tally all,
            List<Progress.Tally> weeks,
            String accuracyChart,
            List<Progress.Tally> byPaper,
            List<Progress.Tally> byTopic,
            String topicChart,
            List<Progress.Tally> calibration,
            String calibrationChart,
            String activityChart,
            int streak,
            int longestStreak,
            int activeDays,
            Map<LocalDate, Integer> forecast,
            String forecastChart,
            Progress.Expected expected) {

        /** The exam plan form's model. */
        public ReviewView plan() {
            return new ReviewView(true, today, examDate, budget, retention, List.of(), 0, Map.of(), error);
        }

        public String percent(double p) {
            return Math.round(p * 100) + "%";
        }

        public int forecastTotal() {
            return forecast.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
