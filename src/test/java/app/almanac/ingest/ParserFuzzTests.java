package app.almanac.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Robustness: whatever bytes arrive, every parser (text, Markdown, HTML, JSON) answers with
 * articles or with diagnostics, never with an exception, and within a second. Inputs are the
 * fixtures mutated at random and text generated from the tokens the parsers care about. The
 * default build runs a few hundred tries; {@code ./mvnw -Pfuzz verify} runs 100,000 per property.
 */
class ParserFuzzTests {

    private static final List<String> FORMATS =
            List.of("fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.json", "fuzz.gift", "fuzz.xml");
    private static final List<byte[]> CORPUS = corpus();
    private static final List<String> TOKENS = List.of(
            "Q1. ",
            "::Q1:: ",
            "{=right ~wrong}",
            "~%-33.33333%",
            "####",
            "$CATEGORY: $course$/top/",
            "<quiz><question type=\"multichoice\"><questiontext format=\"html\"><text>",
            "</text></questiontext><answer fraction=\"100\"><text>",
            "</text></answer></question></quiz>",
            "<![CDATA[<p>",
            "Q. ",
            "1. ",
            "2) ",
            "(a) ",
            "b. ",
            "A) ",
            "Answer: ",
            "Ans: (e)",
            "Answer: 9",
            "Explanation:",
            "Solution: ",
            "Answer Key\n",
            "1-c, 2-b",
            "Consider the following statements:",
            "Consider the following pairs:",
            "Statement-I: ",
            "Statement-II: ",
            "How many of the above",
            "Which of the statements given above is/are correct?",
            "Context: ",
            "In news:",
            "Why in News?",
            "Part of: GS Prelims and GS-II – Governance",
            "Syllabus: Prelims & Mains – POLITY",
            "Focus: GS2. Topic: ",
            "Category: ",
            "Tags: a, b",
            "Note4Students",
            "Prelims level: x",
            "Source: ",
            "Picture Courtesy: https://example.org/x.jpg",
            "PRACTICE QUESTION",
            "About ",
            "Aspect\nDetails\n",
            "• ",
            "● ",
            "- ",
            "* ",
            "i. ",
            "26th February, 2024 ",
            "31st February, 2024",
            "February 26, 2024",
            "26/02/2024",
            "2024-02-30",
            "12-13-2024",
            "Daily Current Affairs – 12th August 2021",
            "Copyright infringement not intended",
            "| a | b |\n|---|---|\n| c | d |",
            "a\tb\tc",
            "---\ntitle: x\ndate: 2024-01-01\n---\n",
            "---\n",
            "## ",
            "### Q1. ",
            "- A) ",
            "**Answer:** ",
            "<br><br>",
            "<table><tr><th>a</th><td><p>b</p></td></tr></table>",
            "<h1>",
            "</h1>",
            "<time datetime=\"2024-02-26\">",
            "<ol type=\"a\"><li>",
            "<p>Q. x</p>",
            "<script>alert(1)</script>",
            "<!DOCTYPE html>",
            "{\"title\": \"t\", \"date\": \"2024-02-26\"",
            "{\"questions\": [",
            "{\"type\": \"table\", \"rows\": [[[",
            "]",
            "}",
            "[",
            "\"",
            ":",
            ",",
            "\\",
            "\u0000",
            "\uFFFD",
            "\u00A0",
            "\r",
            "\n",
            "\n\n",
            "नदी",
            "“”",
            "'",
            "0",
            "9999999999",
            "A".repeat(300),
            " ".repeat(50));

    private static List<byte[]> corpus() {
        List<byte[]> files = new ArrayList<>();
        List<Path> roots = List.of(Path.of("src/test/resources/fixtures"), Path.of("src/main/resources/samples"));
        try {
            for (Path root : roots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        files.add(Files.readAllBytes(p));
                    }
                }
            }
            files.add(Files.readAllBytes(TestSeeds.CSTO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Provide
    Arbitrary<byte[]> mutatedFixtures() {
        return Arbitraries.longs().map(ParserFuzzTests::mutate);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS)
                .list()
                .ofMinSize(1)
                .ofMaxSize(120)
                .flatMap(tokens -> Arbitraries.strings()
                        .ofMaxLength(12)
                        .list()
                        .ofSize(tokens.size())
                        .map(words -> {
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < tokens.size(); i++) {
                                sb.append(tokens.get(i)).append(words.get(i)).append(i % 3 == 0 ? "\n" : " ");
                            }
                            return sb.toString();
                        }));
    }

    @Property
    void mutatedFixturesGiveArticlesOrDiagnosticsInEveryFormat(@ForAll("mutatedFixtures") byte[] input) {
        everyParserCopesWith(input);
    }

    @Property
    void generatedTextGivesArticlesOrDiagnosticsInEveryFormat(@ForAll("tokenSoup") String input) {
        everyParserCopesWith(input.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether each parse must finish within a second (set by the fuzz profile). */
    private static final boolean TIMED = Boolean.getBoolean("almanac.fuzz.timed");

    private static void everyParserCopesWith(byte[] input) {
        for (String name : FORMATS) {
            long start = System.nanoTime();
            ParseResult result = ArticleFiles.parse(name, input);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (TIMED) {
                // only in the long fuzz run (-Pfuzz): a busy 2-core CI must not fail the default suite on time
                assertThat(took).as(name + " took too long").isLessThan(Duration.ofSeconds(1));
            }
            assertThat(result.ok()).isEqualTo(result.errors().isEmpty());
            if (result.ok()) {
                assertThat(result.articles().size() + result.banks().size())
                        .as(name + ": nothing and no reason")
                        .isPositive();
            }
            assertThat(result.errors()).allSatisfy(d -> {
                assertThat(d.file()).isEqualTo(name);
                assertThat(d.line()).isNotNegative();
                assertThat(d.message()).isNotBlank().doesNotContain(ArticleFiles.READER_BUG);
            });
        }
    }

    /** A fixture with one to six random edits: cuts, copies, inserted tokens and bytes, swapped lines. */
    static byte[] mutate(long seed) {
        Random random = new Random(seed);
        byte[] data = CORPUS.get(random.nextInt(CORPUS.size())).clone();
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && data.length > 0; e++) {
            int at = random.nextInt(data.length);
            int len = Math.min(data.length - at, 1 + random.nextInt(200));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (random.nextInt(7)) {
                case 0 -> { // cut
                    out.write(data, 0, at);
                    out.write(data, at + len, data.length - at - len);
                }
                case 1 -> { // copy a stretch in place, several times
                    out.write(data, 0, at + len);
                    for (int r = random.nextInt(20); r >= 0; r--) {
                        out.write(data, at, len);
                    }
                    out.write(data, at + len, data.length - at - len);
                }
                case 2 -> { // insert a token the parsers look for
                    out.write(data, 0, at);
                    out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
                    out.write(data, at, data.length - at);
                }
                case 3 -> { // insert random bytes
                    out.write(data, 0, at);
                    byte[] noise = new byte[1 + random.nextInt(16)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                    out.write(data, at, data.length - at);
                }
                case 4 -> out.write(data, 0, at); // truncate
                case 5 -> { // flip a byte
                    data[at] = (byte) random.nextInt(256);
                    out.writeBytes(data);
                }
                default -> { // swap two stretches
                    int other = random.nextInt(data.length);
                    int otherLen = Math.min(data.length - other, len);
                    byte[] copy = data.clone();
                    System.arraycopy(data, other, copy, at, Math.min(otherLen, copy.length - at));
                    out.writeBytes(copy);
                }
            }
            data = out.toByteArray();
        }
        return data;
    }
}
