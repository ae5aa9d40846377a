package app.almanac.cli;

import app.almanac.account.Account;
import app.almanac.account.AccountService;
import app.almanac.article.Article;
import app.almanac.article.ArticleService;
import app.almanac.facts.FactsService;
import app.almanac.ingest.ArticleFiles;
import app.almanac.practice.LearnerHistory;
import app.almanac.publish.QuestionExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code almanac export --all DIR}: everything Almanac holds in open formats, so that nothing is
 * locked in. Every stored (published) article as Markdown and as JSON, every entity and fact as the
 * JSON {@code facts load} reads, every question as Moodle XML, and, only for the learners named,
 * their practice history as JSON; a README and a manifest say what is where and how to bring it back.
 *
 * <p>Everything is written into a hidden directory beside DIR and moved into place at the end, so
 * a failure (a full disk, an unknown learner, a crash) leaves no half-written export under DIR's name.
 */
final class ExportAll {

    static final String ARTICLES = "articles";
    static final String FACTS = "facts";
    static final String QUESTIONS = "questions";
    static final String LEARNERS = "learners";
    static final String README = "README.txt";
    static final String MANIFEST = "manifest.json";
    static final String FACTS_FILE = "facts.json";
    static final String QUESTIONS_FILE = "questions.xml";

    /** What the manifest says the directory is: a previous export may be replaced, anything else is not. */
    static final String FORMAT = "almanac-export";

    static final int VERSION = 1;

    /** The names an export writes at its top level: a directory holding only these is an earlier export. */
    private static final Set<String> OWN_NAMES = Set.of(ARTICLES, FACTS, QUESTIONS, LEARNERS, README, MANIFEST);

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What was written, for the summary, the README and the manifest. */
    record Counts(
            int articles,
            int articleQuestions,
            int entities,
            int facts,
            int questions,
            List<String> questionsLeftOut,
            boolean questionsCapped,
            List<LearnerFile> learners) {}

    /** One learner's history file. */
    record LearnerFile(String email, String file, int attempts, int answers) {}

    private final AlmanacCommand root;
    private final Path target;
    private final List<String> learners;
    private final PrintWriter out;
    private final PrintWriter err;

    ExportAll(AlmanacCommand root, Path target, List<String> learners, PrintWriter out, PrintWriter err) {
        this.root = root;
        this.target = target.toAbsolutePath().normalize();
        this.learners = learners == null ? List.of() : List.copyOf(learners);
        this.out = out;
        this.err = err;
    }

    /** The file name (without extension) an article is exported under: what {@code export --out} writes too. */
    static String articleName(LocalDate date, String slug) {
        return date + "-" + slug;
    }

    int run() {
        // refused before the database starts: a wrong directory should cost nothing
        String refusal = refusal(target);
        if (refusal != null) {
            err.println("almanac export: " + refusal);
            return AlmanacCommand.EXIT_REFUSED;
        }
        if (target.getParent() == null) {
            err.println("almanac export: cannot export into the root directory; name a directory inside it");
            return AlmanacCommand.EXIT_REFUSED;
        }
        try (ConfigurableApplicationContext context = Application.start(root, false)) {
            // every learner is found before anything is written: personal data leaves only as asked,
            // and a typo in one address must not give a partial export
            Map<Long, Account> accounts = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            AccountService accountService = context.getBean(AccountService.class);
            for (String email : learners) {
                Optional<Account> account = accountService.findByEmail(email);
                if (account.isEmpty()) {
                    unknown.add(email);
                } else {
                    accounts.putIfAbsent(account.get().id(), account.get());
                }
            }
            if (!unknown.isEmpty()) {
                unknown.forEach(e -> err.println("almanac export: no account has the address '" + e + "'"));
                err.println("Nothing was written. 'almanac user list' shows the accounts.");
                return AlmanacCommand.EXIT_REFUSED;
            }
            Files.createDirectories(target.getParent());
            // a plain directory (not createTempDirectory's owner-only one): the export is made to be shared
            Path partial = Files.createDirectory(target.getParent()
                    .resolve("." + target.getFileName() + ".partial-" + Long.toHexString(System.nanoTime())));
            try {
                Counts counts = write(context, partial, List.copyOf(accounts.values()));
                place(partial, target);
                summarise(counts);
                return 0;
            } finally {
                deleteTree(partial);
            }
        } catch (IOException | JacksonException e) {
            err.println("almanac export: cannot write " + target + ": "
                    + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage());
            err.println("Nothing was written to " + target + ".");
            return AlmanacCommand.EXIT_REFUSED;
        }
    }

    /**
     * Why {@code dir} cannot be exported into, or null when it can: it does not exist, is empty, or
     * holds an earlier export (a manifest of this format and nothing but what an export writes),
     * which is then replaced whole. Anything else may be someone's files, and is left alone.
     */
    static String refusal(Path dir) {
        if (!Files.exists(dir)) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            return dir + " is a file; name a new or empty directory to export into";
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return "cannot read " + dir + ": " + e.getMessage();
        }
        if (names.isEmpty() || isEarlierExport(dir, names)) {
            return null;
        }
        names.sort(Comparator.naturalOrder());
        return dir + " already holds files (" + String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? ", …" : "")
                + "); name a new or empty directory, or move those files away first"
                + " (an earlier export by Almanac, with its " + MANIFEST + ", is replaced whole)";
    }

    private static boolean isEarlierExport(Path dir, List<String> names) {
        if (!names.contains(MANIFEST) || !OWN_NAMES.containsAll(names)) {
            return false;
        }
        try {
            JsonNode manifest = JSON.readTree(Files.readString(dir.resolve(MANIFEST)));
            return manifest != null && FORMAT.equals(manifest.path("format").asString(""));
        } catch (IOException | JacksonException e) {
            return false;
        }
    }

    private Counts write(ConfigurableApplicationContext context, Path dir, List<Account> accounts) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        ArticleService articles = context.getBean(ArticleService.class);
        Path articleDir = Files.createDirectory(dir.resolve(ARTICLES));
        List<String> slugs = articles.allSlugs();
        int written = 0;
        int articleQuestions = 0;
        try (Progress progress = Progress.start("Exporting", "articles", slugs.size(), err, System.console() != null)) {
            for (String slug : slugs) {
                Optional<Article> article = articles.findPublishedBySlug(slug);
                if (article.isPresent()) {
                    // each file is the whole article; both, so that a reader picks the format it likes
                    String name = articleName(article.get().content().date(), slug);
                    writeNew(
                            articleDir.resolve(name + ".md"),
                            ArticleFiles.markdown(article.get().content()));
                    writeNew(
                            articleDir.resolve(name + ".json"),
                            ArticleFiles.json(article.get().content()));
                    written++;
                    articleQuestions += article.get().content().questions().size();
                }
                // one withdrawn since the list was read is simply not exported
                progress.step();
            }
        }

        Map<String, Object> facts = context.getBean(FactsService.class).export();
        writeNew(Files.createDirectory(dir.resolve(FACTS)).resolve(FACTS_FILE), JSON.writeValueAsString(facts));

        QuestionExport.Written questions =
                context.getBean(QuestionExport.class).write(QuestionExport.Format.MOODLE_XML, null, null);
        writeNew(Files.createDirectory(dir.resolve(QUESTIONS)).resolve(QUESTIONS_FILE), questions.body());
        questions.leftOut().forEach(reason -> err.println("questions.xml: left out " + reason));
        boolean capped = questions.count() + questions.leftOut().size() >= QuestionExport.MAX_QUESTIONS
                || articleQuestions >= QuestionExport.MAX_QUESTIONS;
        if (capped) {
            err.println("questions.xml: holds the first " + QuestionExport.MAX_QUESTIONS
                    + " questions only (the most one export holds); every analysis's questions are also in its"
                    + " own file under " + ARTICLES + "/");
        }

        List<LearnerFile> learnerFiles = new ArrayList<>();
        if (!accounts.isEmpty()) {
            Path learnerDir = Files.createDirectory(dir.resolve(LEARNERS));
            ownerOnly(learnerDir);
            LearnerHistory histories = context.getBean(LearnerHistory.class);
            Set<String> used = new HashSet<>();
            for (Account account : accounts) {
                LearnerHistory.History history = histories.of(account.id());
                String name = LearnerJson.safeName(account.email());
                if (!used.add(name)) {
                    // two addresses that differ only in characters a file name cannot hold
                    name = name + "-" + account.id();
                    used.add(name);
                }
                String file = name + ".json";
                writeNew(learnerDir.resolve(file), JSON.writeValueAsString(LearnerJson.of(account, history, now)));
                learnerFiles.add(new LearnerFile(
                        account.email(),
                        LEARNERS + "/" + file,
                        history.attempts().size(),
                        history.answers()));
            }
        }

        Counts counts = new Counts(
                written,
                articleQuestions,
                size(facts.get("entities")),
                size(facts.get("facts")),
                questions.count(),
                questions.leftOut(),
                capped,
                List.copyOf(learnerFiles));
        writeNew(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest(counts, now)));
        writeNew(dir.resolve(README), readme(counts, now));
        return counts;
    }

    /** Personal data: on POSIX file systems only the exporting user may open it, whoever the rest is shared with. */
    private static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static int size(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }

    private static void writeNew(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    /**
     * Moves the finished export to {@code dir}: a rename within one directory, so it appears whole.
     * An earlier export there is moved aside first and deleted only once the new one is in place.
     */
    private static void place(Path partial, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (isEmpty(dir)) {
            // fails if something was written into it meanwhile, which then stays untouched
            Files.delete(dir);
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (refusal(dir) != null) {
            throw new IOException(dir + " changed during the export and is no longer empty");
        }
        Path old = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".replaced-");
        Files.delete(old);
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (NoSuchFileException gone) {
                    // already gone is what we wanted
                }
            }
        }
    }

    private Map<String, Object> manifest(Counts c, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("exportedAt", now.toString());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("count", c.articles());
        a.put("questions", c.articleQuestions());
        a.put("files", ARTICLES + "/DATE-SLUG.md, " + ARTICLES + "/DATE-SLUG.json");
        m.put(ARTICLES, a);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("entities", c.entities());
        f.put("facts", c.facts());
        f.put("file", FACTS + "/" + FACTS_FILE);
        m.put(FACTS, f);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("count", c.questions());
        q.put("leftOut", c.questionsLeftOut());
        q.put("capped", c.questionsCapped());
        q.put("file", QUESTIONS + "/" + QUESTIONS_FILE);
        m.put(QUESTIONS, q);
        m.put(
                LEARNERS,
                c.learners().stream()
                        .map(l -> {
                            Map<String, Object> one = new LinkedHashMap<>();
                            one.put("email", l.email());
                            one.put("file", l.file());
                            one.put("attempts", l.attempts());
                            one.put("answers", l.answers());
                            return one;
                        })
                        .toList());
        return m;
    }

    private static String readme(Counts c, Instant now) {
        StringBuilder r = new StringBuilder();
        r.append("Almanac export, written ")
                .append(now)
                .append(" by 'almanac export --all'.\n")
                .append("Everything here is in an open format; ")
                .append(MANIFEST)
                .append(" has the same counts for programs.\n")
                .append("DIR below is this directory, wherever it is now.\n\n");
        r.append(ARTICLES)
                .append("/\n")
                .append("  ")
                .append(c.articles())
                .append(" published analyses (with ")
                .append(c.articleQuestions())
                .append(" questions), each twice: DATE-SLUG.md in Almanac Markdown (the authoring format)\n")
                .append("  and DATE-SLUG.json in Almanac JSON (described by schema/almanac.schema.json in Almanac's\n")
                .append("  source). Either file is the whole article. Import back: almanac import DIR/")
                .append(ARTICLES)
                .append("\n  (importing both files of an article is harmless: the second is 'unchanged').\n\n");
        r.append(FACTS)
                .append("/")
                .append(FACTS_FILE)
                .append("\n  ")
                .append(c.entities())
                .append(" entities and ")
                .append(c.facts())
                .append(" time-aware facts, each with its interval, status and sources, and which member\n")
                .append("  lists are complete. Load back: almanac facts load DIR/")
                .append(FACTS)
                .append("/")
                .append(FACTS_FILE)
                .append("\n  (a fact that cites an Almanac analysis names it by its id in this database).\n\n");
        r.append(QUESTIONS)
                .append("/")
                .append(QUESTIONS_FILE)
                .append("\n  ")
                .append(c.questions())
                .append(" multiple-choice questions of the analyses and the question banks in Moodle XML (a right\n")
                .append(
                        "  option earns 100%, a wrong one costs a third, as in the UPSC). Into Moodle: Question bank,\n")
                .append("  Import, Moodle XML format. Into Almanac: almanac import DIR/")
                .append(QUESTIONS)
                .append("/")
                .append(QUESTIONS_FILE)
                .append("\n  stores them as one question bank, 'Almanac questions' (the analyses' own questions come\n")
                .append("  back with ")
                .append(ARTICLES)
                .append("/ already).\n");
        if (!c.questionsLeftOut().isEmpty()) {
            r.append("  Left out (Moodle's multiple choice cannot hold them; they are in their articles):\n");
            c.questionsLeftOut()
                    .forEach(reason -> r.append("    ").append(reason).append('\n'));
        }
        if (c.questionsCapped()) {
            r.append("  Only the first ")
                    .append(QuestionExport.MAX_QUESTIONS)
                    .append(" questions are here, the most one export holds.\n");
        }
        r.append('\n');
        r.append(LEARNERS).append("/\n");
        if (c.learners().isEmpty()) {
            r.append("  Not written: learners' practice is exported only for those named with --learner EMAIL.\n");
        } else {
            r.append("  The practice history of the learners named with --learner, one JSON file each: attempts\n")
                    .append(
                            "  with every answer (the question's id and where it is: analysis slug and date, or bank,\n")
                    .append("  and its number there; the option chosen, confidence, time, outcome and exact marks as\n")
                    .append(
                            "  fractions such as \"-2/3\"), the notebook, revision cards and reviews. This is personal\n")
                    .append("  data: keep it as safe as the learner would. Almanac does not import it.\n");
            for (LearnerFile l : c.learners()) {
                r.append("    ")
                        .append(l.file())
                        .append(": ")
                        .append(l.attempts())
                        .append(" attempts, ")
                        .append(l.answers())
                        .append(" answers\n");
            }
        }
        return r.toString();
    }

    private void summarise(Counts c) {
        out.printf(
                "Exported %d articles (%d questions), %d entities and %d facts, %d questions to Moodle XML%s to %s%n",
                c.articles(),
                c.articleQuestions(),
                c.entities(),
                c.facts(),
                c.questions(),
                c.learners().isEmpty()
                        ? ""
                        : ", and the practice of " + c.learners().size()
                                + (c.learners().size() == 1 ? " learner" : " learners"),
                target);
        out.flush();
    }
}
