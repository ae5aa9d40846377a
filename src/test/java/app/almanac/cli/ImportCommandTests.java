package app.almanac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code almanac import}, run in-process with its own embedded database in a temporary folder. */
class ImportCommandTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path inputs;

    private Cli.Run almanac(String... args) {
        return new Cli(dataDir).run(args);
    }

    /** Every stored article as "title | date | status". */
    private List<String> stored() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("almanac") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("select title, published_on, status from article")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3));
            }
            return rows;
        }
    }

    private List<String> storedTitles() throws SQLException {
        if (!Files.exists(dataDir.resolve("almanac.mv.db"))) {
            return List.of();
        }
        String url = "jdbc:h2:file:" + dataDir.resolve("almanac") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("select title from article order by published_on")) {
            List<String> titles = new ArrayList<>();
            while (rs.next()) {
                titles.add(rs.getString(1));
            }
            return titles;
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(inputs.resolve(name), text);
    }

    private static final String GOOD = """
            A new tiger reserve is notified
            5th March 2024 Environment
            Context: A state notified its fifth tiger reserve.
            Details
            • The reserve links two forest corridors.
            """;

    @Test
    void aDryRunPrintsTheSeedAsJsonAndStoresNothing() throws Exception {
        Cli.Run run = almanac("import", "--dry-run", "--format", "json", TestSeeds.CSTO.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode a = JsonMapper.builder().build().readTree(run.out());
        assertThat(a.get("title").asString()).isEqualTo("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
        assertThat(a.get("date").asString()).isEqualTo("2024-02-26");
        assertThat(a.get("publisher").asString()).isEqualTo("IAS Gyan");
        assertThat(a.get("series").asString()).isEqualTo("Daily News Analysis");
        assertThat(a.get("category").asString()).isEqualTo("International News");
        assertThat(a.get("context").asString()).startsWith("Armenia freezes");
        assertThat(a.get("credits").get(0).get("label").asString()).isEqualTo("Picture Courtesy");
        List<String> types = new ArrayList<>();
        a.get("sections")
                .forEach(s ->
                        s.get("blocks").forEach(b -> types.add(b.get("type").asString())));
        assertThat(types).containsExactly("list", "list", "list", "table");
        JsonNode table = a.get("sections").get(3).get("blocks").get(0);
        assertThat(table.get("header").toString()).isEqualTo("[\"Aspects\",\"Description\"]");
        assertThat(table.get("rows").get(4).get(1)).hasSize(3);
        JsonNode q = a.get("questions").get(0);
        assertThat(q.get("options")).hasSize(4);
        assertThat(q.get("options").get(3).get("label").asString()).isEqualTo("D");
        assertThat(q.get("answer").toString()).isEqualTo("[\"D\"]");
        assertThat(q.get("explanation").asString()).startsWith("While Uzbekistan");
        assertThat(storedTitles()).isEmpty();
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void importStoresTheSeedAndAReimportIsUnchanged() throws Exception {
        Cli.Run first = almanac("import", TestSeeds.CSTO.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out())
                .contains("created")
                .contains("-> /articles/2024-02-26/collective-security-treaty-organisation-csto (revision 1)");
        Cli.Run second = almanac("import", TestSeeds.CSTO.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("unchanged");
        assertThat(storedTitles()).containsExactly("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
    }

    @Test
    void anEditedFileBecomesANewRevision() throws Exception {
        Path file = write("tiger.txt", GOOD);
        assertThat(almanac("import", file.toString()).out()).contains("(revision 1)");
        Files.writeString(file, GOOD + "• A second bullet was added by the editor.\n");
        Cli.Run edited = almanac("import", file.toString());
        assertThat(edited.out()).contains("updated").contains("(revision 2)");
        assertThat(storedTitles()).hasSize(1);
    }

    @Test
    void anEmptyFileIsRefusedWithFileAndLineAndNothingIsStored() throws Exception {
        Path empty = write("empty.txt", "\n\n");
        Cli.Run run = almanac("import", empty.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("rejected")))
                .containsExactly(
                        "rejected " + empty + ":1: empty file: expected an article (a title line, then a date line)");
        assertThat(storedTitles()).isEmpty();
    }

    @Test
    void aBinaryFileIsRefused() throws Exception {
        Path binary = Files.write(
                inputs.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 16, 'J', 'F', 'I', 'F'});
        Cli.Run run = almanac("import", binary.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("rejected " + binary + ":1: binary data");
    }

    @Test
    void aFileWithoutARecognisableTitleIsRefused() throws Exception {
        Path notes = write("notes.txt", "shopping list\nmilk\nbread\n");
        Cli.Run run = almanac("import", notes.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("rejected " + notes + ":1: no recognisable title");
    }

    private static final String UNDATED = """
            Focus: GS3.
            A new tiger reserve is notified
            Context: A state notified its fifth tiger reserve, linking two forest corridors.
            Details
            • The reserve links two forest corridors.
            """;

    @Test
    void aPageWithNoDateIsReadWithNoneStoredAsADraftThatNeedsOneAndPublishedWithTheDateTheEditorGives()
            throws Exception {
        Path page = write("undated.txt", UNDATED);
        Cli.Run dry = almanac("import", "--dry-run", "--format", "json", page.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        JsonNode article = JsonMapper.builder().build().readTree(dry.out());
        assertThat(article.get("date").isNull())
                .as("never today's date: " + dry.out())
                .isTrue();

        Cli.Run drafted = almanac("import", page.toString());
        assertThat(drafted.exitCode()).as(drafted.err()).isZero();
        assertThat(drafted.out())
                .contains("undated.txt -> draft /desk/articles/", "gives no publication date", "--date YYYY-MM-DD")
                .contains("1 article needs a date (stored as drafts)");
        assertThat(stored()).containsExactly("A new tiger reserve is notified | null | draft");

        Cli.Run again = almanac("import", page.toString());
        assertThat(again.out()).contains("0 updated, 1 unchanged");
        assertThat(stored()).hasSize(1);

        Cli.Run dated = almanac("import", "--date", "2024-03-05", page.toString());
        assertThat(dated.exitCode()).as(dated.err()).isZero();
        assertThat(dated.out()).contains("/articles/2024-03-05/");
        assertThat(stored())
                .as("the waiting draft is that article, now dated and published: not a second copy")
                .containsExactly("A new tiger reserve is notified | 2024-03-05 | published");
    }

    @Test
    void explainShowsHowEachLineWasReadAndStoresNothing() throws Exception {
        Path page = write("undated.txt", UNDATED);
        Cli.Run run = almanac("import", "--explain", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("== " + page + " (read as text)")
                .containsPattern("\\n\\s+2\\s+short line\\s+title\\s+A new tiger reserve is notified\\n")
                .containsPattern("\\n\\s+3\\s+label\\s+context\\s+Context: A state")
                .containsPattern("\\n\\s+4\\s+short line\\s+heading\\s+Details")
                .contains("date:      none (stored as a draft that needs a date)")
                .contains("Unsure (check these):", "gives no publication date");
        assertThat(dataDir).isEmptyDirectory();

        Path broken = write("broken.txt", "Title\n31st February 2024\nContext: x\n");
        Cli.Run refused = almanac("import", "--explain", broken.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("Refused:", "broken.txt:2: '31st February 2024' is not a real date");
    }

    @Test
    void aMissingFileIsAClearErrorNotAStackTrace() {
        Cli.Run run = almanac("import", inputs.resolve("missing.txt").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("rejected " + inputs.resolve("missing.txt") + ": no such file\n");
        assertThat(run.err() + run.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void severalFilesAreAllOrNothingEachAndEveryFailureIsReported() throws Exception {
        Path good = write("good.txt", GOOD);
        Path bad = write("bad.txt", "Title\n31st February 2024\nContext: x\n");
        Path missing = inputs.resolve("gone.txt");
        Cli.Run run = almanac("import", good.toString(), bad.toString(), TestSeeds.CSTO.toString(), missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("rejected")))
                .containsExactly(
                        "rejected " + bad + ":2: '31st February 2024' is not a real date",
                        "rejected " + missing + ": no such file");
        assertThat(run.out()).contains("4 files read: 2 articles imported, 0 updated, 0 unchanged; 2 files rejected");
        assertThat(storedTitles())
                .containsExactly("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)", "A new tiger reserve is notified");
    }

    @Test
    void aDirectoryIsImportedRecursivelyWithProgressAndASummary() throws Exception {
        Files.createDirectories(inputs.resolve("2024/march"));
        write("2024/march/tiger.txt", GOOD);
        Files.copy(TestSeeds.CSTO, inputs.resolve("2024/seed.txt"));
        write("2024/march/bad.md", "no front matter here\n");
        write("notes.pdf", "ignored: not an article format");
        write("README.md", "about this folder, not an article");
        Cli.Run run = almanac("import", inputs.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("3 files read: 2 articles imported, 0 updated, 0 unchanged; 1 file rejected");
        assertThat(run.out())
                .contains("Rejected:\n  " + inputs.resolve("2024/march/bad.md") + ":1: expected YAML front matter");
        assertThat(run.err()).contains("Importing: 3/3 files (100%)");
        Cli.Run again = almanac("import", inputs.resolve("2024").toString());
        assertThat(again.out()).contains("2 unchanged");
        assertThat(storedTitles()).hasSize(2);
    }

    @Test
    void aZipArchiveIsImportedEntryByEntry() throws Exception {
        Path zip = inputs.resolve("week.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("week/tiger.txt"));
            out.write(GOOD.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("week/empty.txt"));
            out.putNextEntry(new ZipEntry("__MACOSX/week/._tiger.txt"));
            out.write(new byte[] {0, 1, 2});
        }
        Cli.Run run = almanac("import", zip.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("rejected " + zip + "!/week/empty.txt:1: empty file");
        assertThat(run.out()).contains("2 files read: 1 article imported");
        assertThat(storedTitles()).containsExactly("A new tiger reserve is notified");
    }

    @Test
    void aQuestionBankIsRecognisedAndPrintedAsQuestions() throws Exception {
        Path bank = write("bank.txt", """
                Rivers practice set
                1. Which river is called the Dakshin Ganga?
                (a) Krishna
                (b) Godavari
                Answer: (b)
                2. Consider the following statements:
                1. The Narmada flows west.
                2. The Mahanadi flows west.
                Which of the statements given above is/are correct?
                (a) 1 only
                (b) 2 only
                """);
        Cli.Run run = almanac("import", "--dry-run", "--format", "json", bank.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("title").asString()).isEqualTo("Rivers practice set");
        assertThat(json.get("questions")).hasSize(2);
        assertThat(json.get("questions").get(0).get("answer").toString()).isEqualTo("[\"B\"]");
        assertThat(json.get("questions").get(1).get("statements")).hasSize(2);
        assertThat(json.get("questions").get(1).has("answer"))
                .as("no answer given: none invented")
                .isFalse();
        Cli.Run stored = almanac("import", bank.toString());
        assertThat(stored.out()).contains("question bank 'Rivers practice set', 2 questions (revision 1)");
    }

    @Test
    void anExportedArticleImportsBackUnchanged() throws Exception {
        almanac("import", TestSeeds.CSTO.toString());
        Path out = inputs.resolve("export");
        Cli.Run export = almanac("export", "--out", out.toString());
        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).contains("1 articles exported");
        Path markdown = out.resolve("2024-02-26-collective-security-treaty-organisation-csto.md");
        assertThat(markdown).exists();
        assertThat(Files.readString(markdown))
                .startsWith("---\ntitle: \"COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)\"\ndate: \"2024-02-26\"\n");
        Cli.Run reimport = almanac("import", markdown.toString());
        assertThat(reimport.out()).contains("unchanged");
        Cli.Run json = almanac("export", "--format", "json", "collective-security-treaty-organisation-csto");
        assertThat(JsonMapper.builder().build().readTree(json.out()).get("date").asString())
                .isEqualTo("2024-02-26");
        assertThat(almanac("export", "no-such-article").exitCode()).isEqualTo(1);
    }

    @Test
    void importWithoutFilesIsAUsageError() {
        Cli.Run run = almanac("import");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter").contains("FILE");
    }

    @Test
    void helpListsTheCommands() {
        Cli.Run run = almanac("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve").contains("import");
    }
}
