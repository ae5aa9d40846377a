package app.almanac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacApplication;
import app.almanac.TestSeeds;
import app.almanac.article.ArticleContent;
import app.almanac.article.Question;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ParseResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code almanac export --all DIR}: a round trip through a second, empty data directory (articles,
 * facts and questions come back equal), a learner's history only when asked for, and the refusals.
 */
class ExportAllCommandTests {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Path SAMPLES = Path.of("src", "main", "resources", "samples");
    private static final String CSTO_SLUG = "collective-security-treaty-organisation-csto";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The original installation. */
    @TempDir
    Path dataDir;

    /** The installation the export is imported into; it never loads the shipped facts itself. */
    @TempDir
    Path copyDir;

    @TempDir
    Path files;

    private Cli.Run almanac(String... args) {
        return new Cli(dataDir).run(Map.of("ALMANAC_PASSWORD", PASSWORD), args);
    }

    /** A run on the copy, where only what the export carries can be: the shipped facts are not loaded. */
    private Cli.Run copy(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        // 'facts load' turns the shipped set off itself, and Spring would read the property given twice as a list
        boolean factsLoad = args.length > 1 && args[0].equals("facts") && args[1].equals("load");
        CommandLine cli = AlmanacCommand.commandLine(
                AlmanacApplication.class,
                factsLoad
                        ? Map.of("almanac.data-dir", copyDir.toString())
                        : Map.of("almanac.data-dir", copyDir.toString(), "almanac.facts.load-on-start", "false"),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        ((AlmanacCommand) cli.getCommandSpec().userObject()).environment = name -> null;
        int code = cli.execute(args);
        return new Cli.Run(code, out.toString(), err.toString());
    }

    private static final String FACTS = """
            {"currentTo": "2020-06-30",
             "entities": [{"slug": "test-alliance", "name": "Test Alliance of Export", "kind": "organisation",
                           "abbreviations": ["TAE"]}],
             "facts": [
               {"subject": "india", "predicate": "member-of", "object": "test-alliance", "status": "founding-member",
                "from": "2020-01", "sources": [{"url": "https://example.org/tae", "title": "TAE charter",
                "retrieved": "2020-02-01"}]},
               {"subject": "test-alliance", "predicate": "headquarters", "object": "india", "from": "2020",
                "note": "a test fact", "sources": [{"url": "https://example.org/tae/hq"}]}
             ],
             "complete": [{"entity": "test-alliance", "from": "2020-01-15"}]}
            """;

    @Test
    void everythingGoesOutInOpenFormatsAndComesBackEqualIntoAnEmptyInstallation() throws Exception {
        // the original: five analyses, the shipped facts and a file of our own, a bank, two learners
        Cli.Run imported = almanac("import", SAMPLES.toString(), TestSeeds.CSTO.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("5 articles imported");
        Path factFile = Files.writeString(files.resolve("tae.json"), FACTS);
        Cli.Run facts = almanac("facts", "load", factFile.toString());
        assertThat(facts.exitCode()).as(facts.err()).isZero();
        Cli.Run generated = almanac(
                "facts",
                "generate",
                "--entity",
                "CSTO",
                "--as-of",
                "2024-02-26",
                "--template",
                "not-a-member",
                "--count",
                "2");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(almanac("user", "add", "quizzer@example.org").exitCode()).isZero();
        assertThat(almanac("user", "add", "other@example.org").exitCode()).isZero();
        practise();

        Path out = files.resolve("export");
        Cli.Run export = almanac("export", "--all", out.toString(), "--learner", "Quizzer@Example.org");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported 5 articles", "the practice of 1 learner", out.toString());
        assertThat(export.err()).as("progress of the articles on stderr").contains("Exporting: 5/5 articles");
        assertThat(names(files)).as("nothing left beside it").containsExactlyInAnyOrder("export", "tae.json");

        // the layout
        assertThat(names(out))
                .containsExactlyInAnyOrder("articles", "facts", "questions", "learners", "README.txt", "manifest.json");
        List<String> articleFiles = names(out.resolve("articles"));
        assertThat(articleFiles)
                .hasSize(10)
                .contains(
                        "2024-02-26-" + CSTO_SLUG + ".md",
                        "2024-02-26-" + CSTO_SLUG + ".json",
                        "2024-03-08-sweden-becomes-natos-32nd-member.md")
                .allMatch(n -> n.matches("\\d{4}-\\d{2}-\\d{2}-[a-z0-9-]+\\.(md|json)"));
        assertThat(names(out.resolve("learners"))).containsExactly("quizzer-at-example.org.json");

        // every article file reads back to the article that was imported
        List<ArticleContent> originals = new ArrayList<>();
        try (Stream<Path> samples = Files.list(SAMPLES)) {
            for (Path sample : samples.sorted().toList()) {
                originals.add(ArticleFiles.read(sample).articles().get(0));
            }
        }
        originals.add(ArticleFiles.read(TestSeeds.CSTO).articles().get(0));
        List<Question> articleQuestions = new ArrayList<>();
        for (ArticleContent original : originals) {
            ArticleContent md = only(out.resolve("articles"), original, ".md");
            ArticleContent json = only(out.resolve("articles"), original, ".json");
            assertThat(md.title()).isEqualTo(original.title());
            assertThat(md.sections()).isEqualTo(original.sections());
            assertThat(md.questions()).isEqualTo(original.questions());
            assertThat(json).isEqualTo(md);
            articleQuestions.addAll(original.questions());
        }
        assertThat(articleQuestions).isNotEmpty();

        // facts: every one, with our own entity, its sources and its complete member list
        JsonNode factsJson = JSON.readTree(out.resolve("facts/facts.json").toFile());
        assertThat(factsJson.get("facts").size()).isGreaterThan(500);
        assertThat(factsJson.get("entities").toString()).contains("\"test-alliance\"", "Test Alliance of Export");
        assertThat(factsJson.get("facts").toString()).contains("https://example.org/tae", "TAE charter", "2020-01");
        assertThat(factsJson.get("complete").toString()).contains("test-alliance");

        // questions: a real XML parser reads one multiple-choice question per exported question
        Document xml = parseXml(out.resolve("questions/questions.xml"));
        List<Element> multichoice = new ArrayList<>();
        NodeList all = xml.getElementsByTagName("question");
        for (int i = 0; i < all.getLength(); i++) {
            Element q = (Element) all.item(i);
            if (q.getAttribute("type").equals("multichoice")) {
                multichoice.add(q);
            }
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("format").asString()).isEqualTo("almanac-export");
        assertThat(manifest.get("articles").get("count").asInt()).isEqualTo(5);
        assertThat(manifest.get("questions").get("count").asInt()).isEqualTo(multichoice.size());
        long exportable = articleQuestions.stream()
                .filter(q -> q.options().size() >= 2 && !q.answer().isEmpty())
                .count();
        assertThat(multichoice).as("the analyses' questions and the bank's two").hasSize((int) exportable + 2);
        List<Question> exportedQuestions = questionsIn(out.resolve("questions/questions.xml"));
        assertThat(exportedQuestions)
                .containsAll(articleQuestions.stream()
                        .filter(q -> q.options().size() >= 2 && !q.answer().isEmpty())
                        .toList());
        String readme = Files.readString(out.resolve("README.txt"));
        assertThat(readme)
                .contains(
                        "5 published analyses",
                        "almanac import DIR/articles",
                        "almanac facts load DIR/facts/facts.json",
                        multichoice.size() + " multiple-choice questions",
                        "learners/quizzer-at-example.org.json: 1 attempts, 2 answers");

        // the learner's history: exact marks, the option chosen, confidence, and where each question is
        String historyText = Files.readString(out.resolve("learners/quizzer-at-example.org.json"));
        assertThat(historyText).doesNotContain("other@example.org", "Someone else's quiz");
        JsonNode history = JSON.readTree(historyText);
        assertThat(history.get("email").asString()).isEqualTo("quizzer@example.org");
        assertThat(history.get("attempts")).hasSize(1);
        JsonNode attempt = history.get("attempts").get(0);
        assertThat(attempt.get("kind").asString()).isEqualTo("daily");
        assertThat(attempt.get("score").asString()).isEqualTo("4/3");
        assertThat(attempt.get("submittedAt").asString()).isEqualTo("2024-02-26T10:12:00Z");
        JsonNode right = attempt.get("answers").get(0);
        assertThat(right.get("question").get("article").asString()).isEqualTo(CSTO_SLUG);
        assertThat(right.get("question").get("date").asString()).isEqualTo("2024-02-26");
        assertThat(right.get("question").get("number").asInt()).isEqualTo(1);
        assertThat(right.get("question").get("file").asString()).isEqualTo("articles/2024-02-26-" + CSTO_SLUG + ".md");
        assertThat(right.get("choice").asString()).isEqualTo("D");
        assertThat(right.get("confidence").asString()).isEqualTo("sure");
        assertThat(right.get("marks").asString()).isEqualTo("2");
        assertThat(right.get("seconds").asInt()).isEqualTo(40);
        JsonNode wrong = attempt.get("answers").get(1);
        assertThat(wrong.get("question").get("article").asString()).isEqualTo("sweden-becomes-natos-32nd-member");
        assertThat(wrong.get("confidence").asString()).isEqualTo("guess");
        assertThat(wrong.get("outcome").asString()).isEqualTo("wrong");
        assertThat(wrong.get("marks").asString()).isEqualTo("-2/3");
        assertThat(history.get("notebook").toString()).contains(CSTO_SLUG, "sweden-becomes-natos-32nd-member");
        assertThat(history.get("notebookMarks").get(0).get("flaggedAt").asString())
                .isEqualTo("2024-02-26T10:15:00Z");
        JsonNode card = history.get("revision").get("cards").get(0);
        assertThat(card.get("reason").asString()).isEqualTo("guess");
        assertThat(card.get("due").asString()).isEqualTo("2024-02-28");
        assertThat(card.get("question").get("article").asString()).isEqualTo("sweden-becomes-natos-32nd-member");

        // the round trip: into an installation that has nothing, not even the shipped facts
        Cli.Run articlesBack = copy("import", out.resolve("articles").toString());
        assertThat(articlesBack.exitCode()).as(articlesBack.err()).isZero();
        assertThat(articlesBack.out())
                .as("the .md of each article is the same article as its .json")
                .contains("10 files read: 5 articles imported, 0 updated, 5 unchanged");
        Cli.Run factsBack =
                copy("facts", "load", out.resolve("facts/facts.json").toString());
        assertThat(factsBack.exitCode()).as(factsBack.err()).isZero();
        Cli.Run questionsBack =
                copy("import", out.resolve("questions/questions.xml").toString());
        assertThat(questionsBack.exitCode()).as(questionsBack.err()).isZero();
        assertThat(questionsBack.out()).contains("question bank 'Almanac questions', " + multichoice.size());

        Path again = files.resolve("again");
        Cli.Run second = copy("export", "--all", again.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(names(again.resolve("articles"))).containsExactlyInAnyOrderElementsOf(articleFiles);
        for (String name : articleFiles) {
            assertThat(Files.readString(again.resolve("articles").resolve(name)))
                    .as(name + " is the same article in the copy")
                    .isEqualTo(Files.readString(out.resolve("articles").resolve(name)));
        }
        assertThat(JSON.readTree(again.resolve("facts/facts.json").toFile()))
                .as("the same entities, facts, sources and complete lists")
                .isEqualTo(factsJson);
        Cli.Run members = copy("facts", "members", "TAE", "--as-of", "2020-03-01");
        assertThat(members.out()).contains("India", "founding-member", "(the list is complete)");
        Path bank = files.resolve("bank.xml");
        Cli.Run bankOut = copy(
                "questions",
                "export",
                "--format",
                "moodle-xml",
                "--bank",
                "almanac-questions",
                "--out",
                bank.toString());
        assertThat(bankOut.exitCode()).as(bankOut.err()).isZero();
        assertThat(questionsIn(bank)).as("the questions, each as it was").isEqualTo(exportedQuestions);
        assertThat(names(again)).as("no learner was asked for").doesNotContain("learners");
    }

    @Test
    void anEarlierExportIsReplacedWholeAndTheLearnersNoLongerAskedForAreGone() throws Exception {
        assertThat(almanac("import", TestSeeds.CSTO.toString()).exitCode()).isZero();
        assertThat(almanac("user", "add", "quizzer@example.org").exitCode()).isZero();
        Path out = files.resolve("weekly");
        assertThat(almanac("export", "--all", out.toString(), "--learner", "quizzer@example.org")
                        .exitCode())
                .isZero();
        assertThat(names(out.resolve("learners"))).containsExactly("quizzer-at-example.org.json");

        Cli.Run again = almanac("export", "--all", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(names(out)).doesNotContain("learners").contains("articles", "manifest.json");
        assertThat(names(out.resolve("articles"))).hasSize(2);
        assertThat(names(files)).containsExactly("weekly");

        // an empty directory is fine too
        Path empty = Files.createDirectory(files.resolve("empty"));
        assertThat(almanac("export", "--all", empty.toString()).exitCode()).isZero();
        assertThat(names(empty)).contains("articles", "README.txt");
    }

    @Test
    void anUnknownLearnerSlugsBesideAllAndSomeoneElsesDirectoryAreRefusedAndNothingIsWritten() throws Exception {
        assertThat(almanac("import", TestSeeds.CSTO.toString()).exitCode()).isZero();
        assertThat(almanac("user", "add", "quizzer@example.org").exitCode()).isZero();
        Path out = files.resolve("export");

        Cli.Run unknown = almanac(
                "export",
                "--all",
                out.toString(),
                "--learner",
                "quizzer@example.org",
                "--learner",
                "nobody@example.org");
        assertThat(unknown.exitCode()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
        assertThat(unknown.err()).contains("no account has the address 'nobody@example.org'", "Nothing was written");
        assertThat(unknown.err()).doesNotContain("'quizzer@example.org'");
        assertThat(names(files)).as("not even a partial directory").isEmpty();

        Cli.Run withSlug = almanac("export", "--all", out.toString(), CSTO_SLUG);
        assertThat(withSlug.exitCode()).isEqualTo(2);
        assertThat(withSlug.err()).contains("--all exports every article");
        Cli.Run withFormat = almanac("export", "--all", out.toString(), "--format", "json");
        assertThat(withFormat.exitCode()).isEqualTo(2);
        assertThat(withFormat.err()).contains("drop --format");
        Cli.Run learnerAlone = almanac("export", "--learner", "quizzer@example.org", CSTO_SLUG);
        assertThat(learnerAlone.exitCode()).isEqualTo(2);
        assertThat(learnerAlone.err()).contains("--learner goes with --all");
        assertThat(names(files)).isEmpty();

        Path someone = Files.createDirectory(files.resolve("mine"));
        Files.writeString(someone.resolve("notes.txt"), "my own notes");
        Cli.Run full = almanac("export", "--all", someone.toString());
        assertThat(full.exitCode()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
        assertThat(full.err()).contains("already holds files (notes.txt)", "name a new or empty directory");
        assertThat(names(someone)).containsExactly("notes.txt");
        assertThat(names(files)).containsExactly("mine");

        // a directory that looks like an export but holds something else too is not Almanac's to replace
        Files.writeString(someone.resolve("manifest.json"), "{\"format\": \"almanac-export\"}");
        assertThat(almanac("export", "--all", someone.toString()).exitCode()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
        assertThat(Files.readString(someone.resolve("notes.txt"))).isEqualTo("my own notes");

        Path file = Files.writeString(files.resolve("a-file"), "x");
        assertThat(almanac("export", "--all", file.toString()).err()).contains("is a file");
    }

    /**
     * A learner's practice, stored as the practice room stores it (the room's quiz API is for the web):
     * a submitted daily attempt with the CSTO question right (sure, +2) and a Sweden question wrong
     * (a guess, −2/3), a flag in the notebook and a revision card; and another learner's attempt.
     */
    private void practise() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("almanac") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            long quizzer = id(c, "select id from app_user where email = 'quizzer@example.org'");
            long other = id(c, "select id from app_user where email = 'other@example.org'");
            long csto = id(
                    c,
                    "select q.id from question q join article a on a.id = q.article_id" + " where a.slug = '"
                            + CSTO_SLUG + "' and q.position = 0");
            long sweden = id(
                    c,
                    "select q.id from question q join article a on a.id = q.article_id"
                            + " where a.slug = 'sweden-becomes-natos-32nd-member' and q.position = 0");
            String swedenKey = single(c, "select answer from question where id = " + sweden);
            String wrongChoice = swedenKey.equals("A") ? "B" : "A";

            long attempt = attempt(c, quizzer, "Daily quiz, 26 February 2024", 4, 3);
            answer(c, attempt, 0, csto, "D", "sure", "right", 2, 1, 40);
            answer(c, attempt, 1, sweden, wrongChoice, "guess", "wrong", -2, 3, 75);
            long others = attempt(c, other, "Someone else's quiz", 2, 1);
            answer(c, others, 0, csto, "D", "sure", "right", 2, 1, 10);
            try (PreparedStatement s = c.prepareStatement(
                    "insert into practice_notebook (user_id, question_id, flagged_at) values (?, ?, ?)")) {
                s.setLong(1, quizzer);
                s.setLong(2, csto);
                s.setObject(3, at("10:15"));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into practice_card (user_id, question_id, reason, added_at, stability, difficulty,
                        last_review, due, reps, lapses)
                    values (?, ?, 'guess', ?, 2.3, 5.5, date '2024-02-26', date '2024-02-28', 1, 0)""")) {
                s.setLong(1, quizzer);
                s.setLong(2, sweden);
                s.setObject(3, at("10:12"));
                s.executeUpdate();
            }
        }
    }

    private static long attempt(Connection c, long user, String title, long num, long den) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into practice_attempt (user_id, kind, title, quiz_key, scheme, started_at, deadline,
                    submitted_at, submitted_by, score_num, score_den, right_count, wrong_count, blank_count)
                values (?, 'daily', ?, 'daily:2024-02-26', 'GS', ?, ?, ?, 'learner', ?, ?, 1, 1, 0)""", new String[] {"id"})) {
            s.setLong(1, user);
            s.setString(2, title);
            s.setObject(3, at("10:00"));
            s.setObject(4, at("10:30"));
            s.setObject(5, at("10:12"));
            s.setLong(6, num);
            s.setLong(7, den);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void answer(
            Connection c,
            long attempt,
            int position,
            long question,
            String choice,
            String confidence,
            String outcome,
            long num,
            long den,
            int seconds)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into practice_answer (attempt_id, position, question_id, choice, confidence, visited,
                    first_choice, saved_at, outcome, marks_num, marks_den, seconds)
                values (?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?)""")) {
            s.setLong(1, attempt);
            s.setInt(2, position);
            s.setLong(3, question);
            s.setString(4, choice);
            s.setString(5, confidence);
            s.setString(6, choice);
            s.setObject(7, at("10:0" + (position + 1)));
            s.setString(8, outcome);
            s.setLong(9, num);
            s.setLong(10, den);
            s.setInt(11, seconds);
            s.executeUpdate();
        }
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2024-02-26T" + time + ":00Z").withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static long id(Connection c, String sql) throws SQLException {
        return Long.parseLong(single(c, sql));
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /** The one exported file of {@code original} with this extension, read back. */
    private static ArticleContent only(Path dir, ArticleContent original, String extension) throws Exception {
        List<Path> matching = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().startsWith(original.date() + "-"))
                    .filter(p -> p.getFileName().toString().endsWith(extension))
                    .forEach(matching::add);
        }
        assertThat(matching).as(original.title()).hasSize(1);
        ParseResult read = ArticleFiles.read(matching.get(0));
        assertThat(read.errors()).as(matching.get(0).toString()).isEmpty();
        return read.articles().get(0);
    }

    private static List<Question> questionsIn(Path moodleXml) throws Exception {
        ParseResult read = ArticleFiles.parse(moodleXml.getFileName().toString(), Files.readAllBytes(moodleXml));
        assertThat(read.errors()).isEmpty();
        List<Question> questions = new ArrayList<>();
        read.banks().forEach(b -> questions.addAll(b.questions()));
        return questions;
    }

    private static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
