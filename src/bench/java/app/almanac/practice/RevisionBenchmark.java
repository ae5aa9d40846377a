package app.almanac.practice;

import app.almanac.AlmanacApplication;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Revision and progress at a heavy learner's scale, on the embedded H2 database: scheduling one
 * review (pure: FSRS-6 and the exam-date plan), the due queue of a learner with 20,000 cards, and the
 * progress dashboard of a learner with 50,000 answers (500 attempts of 100 questions, over 2,000
 * questions in 10 topics, all of them in revision).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RevisionBenchmark {

    private Path work;
    private ConfigurableApplicationContext context;
    private Revision revision;
    private Progress progress;
    private long queueLearner;
    private long dashboardLearner;

    private final Fsrs fsrs = new Fsrs();
    private final ExamScheduler scheduler = new ExamScheduler(fsrs);
    private final Map<LocalDate, Integer> load = new HashMap<>();
    private final Random random = new Random(7);
    private final LocalDate today = LocalDate.of(2027, 1, 10);
    private final ExamScheduler.Plan plan = new ExamScheduler.Plan(LocalDate.of(2027, 5, 23), 80, 0.9);

    @Setup(Level.Trial)
    public void start() throws IOException {
        work = Files.createTempDirectory("almanac-bench");
        context = new SpringApplicationBuilder(AlmanacApplication.class)
                .web(WebApplicationType.NONE)
                .run("--almanac.data-dir=" + work.resolve("data"), "--logging.level.root=WARN");
        revision = context.getBean(Revision.class);
        progress = context.getBean(Progress.class);
        AccountService accounts = context.getBean(AccountService.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        queueLearner = accounts.add("bench", "queue@example.org", "Q", "correct horse battery", Role.LEARNER)
                .id();
        dashboardLearner = accounts.add("bench", "dash@example.org", "D", "correct horse battery", Role.LEARNER)
                .id();
        LocalDate now = revision.today();
        Timestamp created = Timestamp.from(Instant.now());

        List<Long> questions = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            jdbc.update(
                    "insert into question_bank (slug, title, revision, content_hash, created_at, updated_at)"
                            + " values (?, ?, 1, ?, ?, ?)",
                    "bench-" + b,
                    "Topic " + b,
                    "0".repeat(64),
                    created,
                    created);
            long bank = jdbc.queryForObject("select id from question_bank where slug = ?", Long.class, "bench-" + b);
            List<Object[]> rows = new ArrayList<>();
            for (int p = 0; p < 200; p++) {
                rows.add(new Object[] {bank, p, "Question " + p + " of topic " + b, "A"});
            }
            jdbc.batchUpdate("insert into question (bank_id, position, stem, answer) values (?, ?, ?, ?)", rows);
            questions.addAll(
                    jdbc.queryForList("select id from question where bank_id = ? order by position", Long.class, bank));
        }

        // the queue's learner: 20,000 cards (the queue reads cards only, so they need no questions behind them)
        List<Long> many = new ArrayList<>();
        for (long q = 0; q < 20_000; q++) {
            many.add(100_000_000L + q);
        }
        cards(jdbc, queueLearner, many, now, created);
        cards(jdbc, dashboardLearner, questions, now, created); // every one of the 2,000 questions in revision

        // 500 submitted attempts of 100 answers each, over the last 300 days
        for (int a = 0; a < 500; a++) {
            Instant at = Instant.now().minus(random.nextInt(300), ChronoUnit.DAYS);
            jdbc.update(
                    "insert into practice_attempt (user_id, kind, title, scheme, started_at, deadline, submitted_at)"
                            + " values (?, 'custom', 'Bench', 'GS', ?, ?, ?)",
                    dashboardLearner,
                    Timestamp.from(at),
                    Timestamp.from(at.plusSeconds(7200)),
                    Timestamp.from(at.plusSeconds(3600)));
            long attempt = jdbc.queryForObject("select max(id) from practice_attempt", Long.class);
            List<Object[]> rows = new ArrayList<>();
            for (int p = 0; p < 100; p++) {
                int r = random.nextInt(10);
                String outcome = r < 6 ? "right" : r < 9 ? "wrong" : "blank";
                rows.add(new Object[] {
                    attempt,
                    p,
                    questions.get(random.nextInt(questions.size())),
                    outcome.equals("blank") ? null : "A",
                    new String[] {"sure", "50-50", "guess", null}[random.nextInt(4)],
                    outcome,
                    outcome.equals("right") ? 2 : outcome.equals("wrong") ? -2 : 0,
                    outcome.equals("wrong") ? 3 : 1
                });
            }
            jdbc.batchUpdate(
                    "insert into practice_answer (attempt_id, position, question_id, choice, confidence, outcome,"
                            + " marks_num, marks_den) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    dedupe(rows));
        }
    }

    /** An attempt holds a question once. */
    private static List<Object[]> dedupe(List<Object[]> rows) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        List<Object[]> out = new ArrayList<>();
        for (Object[] r : rows) {
            if (seen.add(r[2])) {
                out.add(r);
            }
        }
        return out;
    }

    private void cards(JdbcTemplate jdbc, long user, List<Long> questionIds, LocalDate now, Timestamp created) {
        List<Object[]> rows = new ArrayList<>();
        for (long q : questionIds) {
            LocalDate last = now.minusDays(random.nextInt(60));
            rows.add(new Object[] {
                user,
                q,
                "wrong",
                created,
                0.5 + random.nextDouble() * 60,
                1 + random.nextDouble() * 9,
                Date.valueOf(last),
                Date.valueOf(last.plusDays(1 + random.nextInt(60))),
            });
        }
        jdbc.batchUpdate(
                "insert into practice_card (user_id, question_id, reason, added_at, stability, difficulty, last_review,"
                        + " due) values (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** One review: the new memory state, then its due day against the exam and the day's load. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public LocalDate scheduleOneReview() {
        Fsrs.Memory m = new Fsrs.Memory(0.5 + random.nextDouble() * 100, 1 + random.nextDouble() * 9);
        Fsrs.Memory next = fsrs.next(m, 1 + random.nextInt(30), Fsrs.Rating.values()[random.nextInt(4)]);
        if (load.size() > 400) {
            load.clear();
        }
        return scheduler.due(today, next, plan, load);
    }

    /** The due queue of a learner with 20,000 cards, as the revision quiz takes it (the first 100). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Long> dueQueueOf20000() {
        return revision.dueQuestionIds(queueLearner, 100);
    }

    /** The due queue with each card's recall today and on the exam day, as the page and the API list it. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Revision.Card> dueCardsOf20000() {
        return revision.due(queueLearner, 200);
    }

    /** The whole progress dashboard of a learner with 50,000 answers. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object dashboardOf50000Answers() {
        return progress.of(dashboardLearner, null);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        context.close();
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
