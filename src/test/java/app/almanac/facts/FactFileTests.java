package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading facts files: what is taken, and what is refused with file, line and reason. */
class FactFileTests {

    private static final String ENTITIES = """
            {
              "currentTo": "2026-11-30",
              "entities": [
                {"slug": "csto", "name": "Collective Security Treaty Organization", "kind": "organisation", "abbreviations": ["CSTO"]},
                {"slug": "armenia", "name": "Armenia", "kind": "country"}
              ],
              "facts": [
            """;

    private static FactFile.Parsed read(String facts) {
        return FactFile.read("test.json", (ENTITIES + facts + "\n  ]\n}\n").getBytes(StandardCharsets.UTF_8), Set.of());
    }

    private static final String SOURCE =
            "\"sources\": [{\"url\": \"https://example.org/csto\", \"title\": \"A page\", \"retrieved\": \"2026-12-01\"}]";

    @Test
    void aYearOnlyDateIsTheWholeYearNotTheFirstOfJanuary() {
        Period year = Period.parse("1992");
        assertThat(year.earliest()).isEqualTo(LocalDate.of(1992, 1, 1));
        assertThat(year.latest()).isEqualTo(LocalDate.of(1993, 1, 1));
        assertThat(year.exact()).isFalse();
        assertThat(Period.parse("2024-02").latest()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(Period.parse("2024-02-29").exact()).isTrue();
        assertThatThrownBy(() -> Period.parse("2023-02-29")).hasMessageContaining("not a date that exists");
        assertThatThrownBy(() -> Period.parse("29/02/2024")).hasMessageContaining("YYYY, YYYY-MM or YYYY-MM-DD");
    }

    @Test
    void aGoodFileIsReadWithItsIntervalsAndSources() {
        FactFile.Parsed parsed = read("""
                {"subject": "armenia", "predicate": "member-of", "object": "csto", "status": "founding-member", "from": "2002-10-07", "to": "2024-02-22", %s},
                {"subject": "armenia", "predicate": "member-of", "object": "csto", "status": "participation-frozen", "from": "2024-02-22", %s}
                """.formatted(SOURCE, SOURCE));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.facts()).hasSize(2);
        assertThat(parsed.facts().get(1).status().countsAsMembership).isTrue();
        assertThat(parsed.facts().get(1).line()).isEqualTo(9);
    }

    @Test
    void badFactsAreRefusedWithTheLineAndNothingIsTaken() {
        FactFile.Parsed parsed = read("""
                {"subject": "armenia", "predicate": "member-of", "object": "nato", "status": "member", "from": "2002", %s},
                {"subject": "armenia", "predicate": "member-of", "object": "csto", "status": "member", "from": "2010", "to": "2005", %s},
                {"subject": "armenia", "predicate": "member-of", "object": "csto", "status": "member", "from": "2023-02-30", %s},
                {"subject": "armenia", "predicate": "member-of", "object": "csto", "status": "member", "from": "2002"},
                {"subject": "armenia", "predicate": "member-of", "object": "csto", "status": "member", "from": "2002", "to": "2020", %s},
                {"subject": "armenia", "predicate": "member-of", "object": "csto", "status": "suspended", "from": "2015", %s}
                """.formatted(SOURCE, SOURCE, SOURCE, SOURCE, SOURCE));
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.facts()).isEmpty();
        assertThat(parsed.problems())
                .extracting(FactFile.Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("test.json:8:").contains("'nato' is not an entity"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("test.json:9:").contains("ends (2005) before it begins (2010)"))
                .anySatisfy(p -> assertThat(p).startsWith("test.json:10:").contains("not a date that exists"))
                .anySatisfy(p -> assertThat(p).startsWith("test.json:11:").contains("at least one source"))
                .anySatisfy(p -> assertThat(p).startsWith("test.json:13:").contains("overlaps the one on line 12"));
    }

    @Test
    void invalidJsonIsRefusedWithItsLine() {
        FactFile.Parsed parsed = FactFile.read(
                "broken.json", "{\n  \"entities\": [\n    {\"slug\": }\n".getBytes(StandardCharsets.UTF_8), Set.of());
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.json");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("is not valid JSON");
        });
    }

    @Test
    void aFactHoldsOnADayYesNoOrUnconfirmedWhenItsEndIsImprecise() {
        StoredFact uzbekistan = fact("2006", "2012-12-19", false);
        assertThat(uzbekistan.holdsOn(LocalDate.of(2005, 12, 31))).isEqualTo(StoredFact.Holds.NO);
        assertThat(uzbekistan.holdsOn(LocalDate.of(2006, 6, 1)))
                .as("inside the year-only start")
                .isEqualTo(StoredFact.Holds.UNCONFIRMED);
        assertThat(uzbekistan.holdsOn(LocalDate.of(2007, 1, 1))).isEqualTo(StoredFact.Holds.YES);
        assertThat(uzbekistan.holdsOn(LocalDate.of(2012, 12, 18))).isEqualTo(StoredFact.Holds.YES);
        assertThat(uzbekistan.holdsOn(LocalDate.of(2012, 12, 19)))
                .as("half-open: not on its end day")
                .isEqualTo(StoredFact.Holds.NO);
        assertThat(fact("2000-01-01", null, true).holdsOn(LocalDate.of(2010, 1, 1)))
                .as("contested")
                .isEqualTo(StoredFact.Holds.UNCONFIRMED);
    }

    private static StoredFact fact(String from, String to, boolean contested) {
        Entity e = new Entity(1, "x", "X", "country", java.util.List.of(), java.util.List.of(), null);
        return new StoredFact(
                1,
                e,
                "member-of",
                e,
                null,
                FactStatus.MEMBER,
                Period.parse(from),
                to == null ? null : Period.parse(to),
                "normal",
                contested,
                null,
                java.util.List.of());
    }
}
