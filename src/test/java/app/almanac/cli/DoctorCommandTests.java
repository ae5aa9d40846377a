package app.almanac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacApplication;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code almanac doctor}: an index damaged on purpose (a document lost, one of an article that does
 * not exist, one at an older revision) is found out article by article, and repaired.
 */
class DoctorCommandTests {

    /** An id no article has: the document the damage adds. */
    private static final long GHOST = 9_999;

    @TempDir
    Path dataDir;

    @TempDir
    Path inputs;

    private Path index() {
        return dataDir.resolve("index");
    }

    /**
     * Like {@link Cli}, but with the index on disk, where one run leaves it for the next (tests
     * otherwise keep it in memory, a new one each run).
     */
    private Cli.Run almanac(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = AlmanacCommand.commandLine(
                AlmanacApplication.class,
                Map.of("almanac.data-dir", dataDir.toString(), "almanac.search.index", index().toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli.Run(code, out.toString(), err.toString());
    }

    private void write(String name, String title, String date, String detail) throws IOException {
        Files.writeString(inputs.resolve(name), """
                ---
                title: %s
                date: %s
                ---

                ## Details

                - %s
                """.formatted(title, date, detail));
    }

    private long idOf(String title) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("almanac") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement q = c.prepareStatement("select id from article where title = ?")) {
            q.setString(1, title);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as(title).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** The revision and title of each live document of article {@code id}, read straight from the index. */
    private List<String> documentsOf(long id) throws IOException {
        try (var directory = FSDirectory.open(index());
                var reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(new TermQuery(new Term("id", Long.toString(id))), 10).scoreDocs) {
                LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(hit.doc, reader.leaves()));
                NumericDocValues revisions = leaf.reader().getNumericDocValues("revision");
                int doc = hit.doc - leaf.docBase;
                String revision = revisions != null && revisions.advanceExact(doc) ? "r" + revisions.longValue() : "r?";
                found.add(revision + " "
                        + searcher.storedFields().document(hit.doc).get("title"));
            }
            return found;
        }
    }

    @Test
    void aDamagedIndexIsFoundOutArticleByArticleAndRepaired() throws Exception {
        write("a.md", "Ramsar sites grow again", "2024-03-01", "India added five wetlands to the Ramsar list.");
        write("b.md", "A tiger reserve is notified", "2024-03-02", "The reserve links two forest corridors.");
        write("c.md", "The repo rate is held", "2024-03-03", "The monetary policy committee kept the rate.");
        write("d.md", "A new cheetah corridor", "2024-03-04", "Cheetahs may cross two states.");
        Cli.Run imported = almanac("import", inputs.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        // an edit: the rate article is at revision 2 in the database
        write("c.md", "The repo rate is held", "2024-03-03", "The monetary policy committee kept the rate at 6.5%.");
        assertThat(almanac("import", inputs.resolve("c.md").toString()).exitCode())
                .isZero();
        Cli.Run reindexed = almanac("reindex");
        assertThat(reindexed.exitCode()).as(reindexed.err()).isZero();

        Cli.Run healthy = almanac("doctor");
        assertThat(healthy.exitCode()).as(healthy.out() + healthy.err()).isZero();
        assertThat(healthy.out())
                .contains("published articles in the database  4")
                .contains("documents in the index              4")
                .contains("Everything agrees with the database.")
                .contains("Page cache: checked on the running server only");

        long lost = idOf("Ramsar sites grow again");
        long edited = idOf("The repo rate is held");
        assertThat(documentsOf(edited)).containsExactly("r2 The repo rate is held");
        damage(lost, edited);
        assertThat(documentsOf(lost)).isEmpty();
        assertThat(documentsOf(GHOST)).hasSize(1);

        Cli.Run found = almanac("doctor");
        assertThat(found.exitCode()).as(found.out() + found.err()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
        assertThat(found.out())
                .contains("published articles in the database  4")
                .contains("documents in the index              4")
                .contains("missing (published, not indexed)    1  ids " + lost + "\n")
                .contains("extra (indexed, not published)      1  ids " + GHOST + "\n")
                .contains("stale (indexed at another revision) 1  ids " + edited + "\n")
                .contains("3 differences found: almanac doctor --repair repairs them.");
        assertThat(documentsOf(lost)).as("a check changes nothing").isEmpty();
        assertThat(documentsOf(GHOST)).as("a check changes nothing").hasSize(1);

        Cli.Run repaired = almanac("doctor", "--repair");
        assertThat(repaired.exitCode()).as(repaired.out() + repaired.err()).isZero();
        assertThat(repaired.out())
                .contains("missing (published, not indexed)    1  ids " + lost + "\n")
                .contains("Repaired: 2 articles indexed again, 1 documents removed");

        Cli.Run again = almanac("doctor");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out())
                .contains("missing (published, not indexed)    0\n")
                .contains("extra (indexed, not published)      0\n")
                .contains("stale (indexed at another revision) 0\n")
                .contains("Everything agrees with the database.");
        assertThat(documentsOf(lost)).containsExactly("r1 Ramsar sites grow again");
        assertThat(documentsOf(GHOST)).isEmpty();
        assertThat(documentsOf(edited)).containsExactly("r2 The repo rate is held");
    }

    /**
     * What a crash, a copied directory or a hand could leave: one article's document gone, one for
     * an article that does not exist, one marked with an older revision. The commit keeps what it
     * says of the change log, so that only the documents differ from what the follower believes.
     */
    private void damage(long lost, long edited) throws IOException {
        try (var directory = FSDirectory.open(index());
                var writer = new IndexWriter(
                        directory,
                        new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            var commits = DirectoryReader.listCommits(directory);
            Map<String, String> applied = commits.get(commits.size() - 1).getUserData();
            writer.deleteDocuments(new Term("id", Long.toString(lost)));
            Document ghost = new Document();
            ghost.add(new StringField("id", Long.toString(GHOST), Field.Store.YES));
            ghost.add(new NumericDocValuesField("id", GHOST));
            ghost.add(new NumericDocValuesField("revision", 1));
            writer.addDocument(ghost);
            writer.updateNumericDocValue(new Term("id", Long.toString(edited)), "revision", 1);
            writer.setLiveCommitData(applied.entrySet());
            writer.commit();
        }
    }

    @Test
    void whileAServerHoldsTheIndexItsManagementEndpointIsAskedAndRepairsByPost() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/doctor", exchange -> {
            asked.add(exchange.getRequestMethod());
            boolean repair = "POST".equals(exchange.getRequestMethod());
            byte[] body = report(repair).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // a running server's writer holds the index's lock
        try (var directory = FSDirectory.open(index());
                var running = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            String management = "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator";

            Cli.Run check = almanac("doctor", "--management-url", management);
            assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
            assertThat(check.out())
                    .contains("asking it at " + management + "/doctor")
                    .contains("missing (published, not indexed)    1  ids 2\n")
                    .contains("stale (indexed at another revision) 25  ids 1, 3, … 23 more\n")
                    .contains("Page cache: 7 pages kept, 1 outdated (/articles/2024-03-01/ramsar), 2 expired")
                    .contains("27 differences found");

            Cli.Run repair = almanac("doctor", "--repair", "--management-url", management);
            assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
            assertThat(repair.out()).contains("Repaired: 26 articles indexed again, 0 documents removed");
            assertThat(asked).containsExactly("GET", "POST");

            server.stop(0);
            Cli.Run unanswered = almanac("doctor", "--management-url", management);
            assertThat(unanswered.exitCode()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
            assertThat(unanswered.err()).contains("in use by a running Almanac").contains("did not answer");
        } finally {
            server.stop(0);
        }
    }

    /** What the endpoint of a running server answers (Actuator writes the records as JSON). */
    private static String report(boolean repaired) {
        return """
                {"index":{"databaseArticles":30,"indexedDocuments":29,
                  "missing":{"count":1,"first":[2]},"extra":{"count":0,"first":[]},
                  "stale":{"count":25,"first":[1,3]},"appliedChangeId":40,"latestChangeId":40,"repaired":%s},
                 "pages":{"kept":7,"outdated":1,"firstOutdated":["/articles/2024-03-01/ramsar"],"notFresh":2,
                  "evicted":%s},
                 "comesLater":"a server of a later version may say more"}""".formatted(repaired, repaired);
    }
}
