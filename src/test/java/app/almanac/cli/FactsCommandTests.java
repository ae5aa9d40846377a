package app.almanac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.facts.FactFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code almanac facts …} against a real embedded database in a temporary directory. */
class FactsCommandTests {

    @TempDir
    Path dataDir;

    private Cli.Run almanac(String... args) {
        return new Cli(dataDir).run(args);
    }

    @Test
    void membersOfTheCstoAsOfTheSeedsDateWithSourcesAndTheSameJsonAsTheApi() {
        Cli.Run load = almanac("facts", "load");
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(almanac("facts", "load").out()).as("a second load").contains("Already loaded: nothing changed");

        Cli.Run text = almanac("facts", "members", "CSTO", "--as-of", "2024-02-26");
        assertThat(text.exitCode()).as(text.err()).isZero();
        String members = text.out().split("Not members")[0];
        assertThat(members)
                .contains(
                        "Armenia",
                        "participation-frozen",
                        "Belarus",
                        "Kazakhstan",
                        "Kyrgyzstan",
                        "Russia",
                        "Tajikistan")
                .contains("https://")
                .doesNotContain("Uzbekistan");
        assertThat(text.out().split("Not members")[1]).contains("Uzbekistan", "suspended");
        Cli.Run json = almanac("facts", "members", "csto", "--as-of", "2024-02-26", "--format", "json");
        JsonNode answer = JsonMapper.builder().build().readTree(json.out());
        assertThat(answer.get("members")).hasSize(6);
        assertThat(answer.get("asOf").asString()).isEqualTo("2024-02-26");

        assertThat(almanac("facts", "members", "CSTO", "--as-of", "1995-06-01").out())
                .contains("Georgia", "Azerbaijan", "Uzbekistan");
        assertThat(almanac("facts", "members", "csto", "--as-of", "26/02/2024").exitCode())
                .isEqualTo(AlmanacCommand.EXIT_REFUSED);
        assertThat(almanac("facts", "timeline", "CSTO").out()).contains("Uzbekistan", "suspended");

        // an export is a data file: read back, it refuses nothing and holds every fact
        Cli.Run export = almanac("facts", "export");
        assertThat(export.exitCode()).as(export.err()).isZero();
        var parsed = FactFile.read("export.json", export.out().getBytes(StandardCharsets.UTF_8), Set.of());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.facts()).hasSizeGreaterThan(500);
    }

    @Test
    void aBadFileIsRefusedWithFileLineAndReasonAndNothingIsStored() throws Exception {
        Path bad = dataDir.resolve("bad.json");
        Files.writeString(bad, """
                {"entities": [{"slug": "new-org", "name": "New Org", "kind": "organisation"}],
                 "facts": [
                   {"subject": "india", "predicate": "member-of", "object": "new-org", "status": "member", "from": "2020-02-30",
                    "sources": [{"url": "https://example.org/"}]}
                 ]}
                """);
        almanac("facts", "load");
        Cli.Run refused = almanac("facts", "load", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
        assertThat(refused.err()).contains("rejected " + bad + ":3: ", "not a date that exists", "Nothing was stored");
        assertThat(almanac("facts", "members", "new-org").exitCode())
                .as("the entity was not stored either")
                .isEqualTo(AlmanacCommand.EXIT_REFUSED);
    }

    @Test
    void generateWritesProvenQuestionsInTheImportersJsonAndStoresThemInTheBank() {
        Cli.Run json = almanac(
                "facts",
                "generate",
                "--entity",
                "CSTO",
                "--as-of",
                "2024-02-26",
                "--template",
                "not-a-member",
                "--count",
                "3",
                "--format",
                "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode bank = JsonMapper.builder().build().readTree(json.out());
        assertThat(bank.get("title").asString()).contains("Collective Security Treaty Organization");
        assertThat(bank.get("questions")).hasSize(3);
        for (JsonNode q : bank.get("questions")) {
            assertThat(q.get("stem").asString()).startsWith("As of February 2024, ");
            assertThat(q.get("options")).hasSize(4);
            assertThat(q.get("generated").get("template").asString()).isEqualTo("not-a-member");
            assertThat(q.get("generated").get("asOf").asString()).isEqualTo("2024-02-26");
            assertThat(q.get("generated").get("sources")).isNotEmpty();
        }
        assertThat(json.err()).contains("3 new added to the practice bank (questions-from-the-facts-");

        Cli.Run again = almanac(
                "facts",
                "generate",
                "--entity",
                "CSTO",
                "--as-of",
                "2024-02-26",
                "--template",
                "not-a-member",
                "--count",
                "3");
        assertThat(again.out()).contains("Q1. As of February 2024", "Answer: ", "0 new added");
        Cli.Run dry = almanac("facts", "generate", "--entity", "NATO", "--count", "2", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Q2.").doesNotContain("added to the practice bank");

        assertThat(almanac("facts", "generate", "--template", "nonsense").err())
                .contains("There is no template 'nonsense'");
        assertThat(almanac("facts", "generate", "--entity", "India").exitCode()).isEqualTo(AlmanacCommand.EXIT_REFUSED);
        assertThat(almanac("facts", "generate", "--as-of", "2024-13-01").exitCode())
                .isEqualTo(AlmanacCommand.EXIT_REFUSED);
    }
}
