package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityLinkerTests {

    private static Entity entity(
            long id, String slug, String name, String kind, List<String> abbreviations, List<String> aliases) {
        return new Entity(id, slug, name, kind, abbreviations, aliases, null);
    }

    private final Entity isa =
            entity(1, "isa", "International Solar Alliance", "organisation", List.of("ISA"), List.of());
    private final Entity quad =
            entity(2, "quad", "Quadrilateral Security Dialogue", "grouping", List.of("Quad"), List.of("Quadrilateral"));
    private final Entity india = entity(3, "india", "India", "country", List.of(), List.of("Bharat"));
    private final Entity japan = entity(4, "japan", "Japan", "country", List.of(), List.of());
    private final Entity australia = entity(5, "australia", "Australia", "country", List.of(), List.of());
    private final Entity unsc =
            entity(6, "unsc", "United Nations Security Council", "body", List.of("UNSC"), List.of("Security Council"));
    private final Entity moscow = entity(7, "moscow", "Moscow", "city", List.of(), List.of());
    private final Entity chad = entity(8, "chad", "Chad", "country", List.of(), List.of());

    private final EntityLinker linker = new EntityLinker(
            List.of(isa, quad, india, japan, australia, unsc, moscow, chad), Map.of(2L, Set.of(3L, 4L, 5L)));

    private List<String> slugs(String text) {
        return linker.mentions(text).stream()
                .map(m -> linker.entity(m.entity()).slug())
                .toList();
    }

    @Test
    void anAcronymIsMatchedInItsOwnCaseOnly() {
        assertThat(slugs("The International Solar Alliance (ISA) met; the ISA's budget grew."))
                .containsExactly("isa", "isa", "isa");
        assertThat(slugs("The International Solar Alliance met; the isa budget grew."))
                .containsExactly("isa");
    }

    @Test
    void anAmbiguousShortFormNeedsSupportingContext() {
        // "ISA" is also the Internal Security Act: alone it is not linked
        assertThat(slugs("Detained under the ISA for two years.")).isEmpty();
        // a distinctive word of the full name supports it
        assertThat(slugs("ISA members pledged more solar capacity.")).containsExactly("isa");
        // "Quad" with two of its members named, or with its full name, is the grouping; alone it is a word
        assertThat(slugs("The Quad summit: India and Japan pressed for open sea lanes."))
                .containsExactly("quad", "india", "japan");
        assertThat(slugs("A Quad bike race was held.")).isEmpty();
    }

    @Test
    void theLongestNameWinsAndANameInsideALongerProperNameIsNot() {
        assertThat(slugs("The United Nations Security Council voted.")).containsExactly("unsc");
        assertThat(slugs("The Security Council voted.")).containsExactly("unsc");
        assertThat(slugs("The CSTO's Collective Security Council met in Minsk."))
                .isEmpty();
    }

    @Test
    void namesAreProperNounsAndCitiesAreNotLinked() {
        assertThat(slugs("They chad a plan; Chad signed it.")).containsExactly("chad");
        assertThat(slugs("Talks in Moscow with India.")).containsExactly("india");
        assertThat(slugs("BHARAT and bharat: Bharat")).containsExactly("india", "india");
    }

    @Test
    void theSeedNamesTheCstoAndItsMembersAsTheShippedFactsKnowThem() {
        FactBase facts = ShippedFacts.base();
        EntityLinker shipped = ShippedFacts.linker(facts);
        String text = app.almanac.TestSeeds.text(app.almanac.TestSeeds.CSTO);
        var linked = shipped.link(text);
        List<String> slugs =
                linked.keySet().stream().map(id -> shipped.entity(id).slug()).toList();
        assertThat(slugs)
                .contains(
                        "csto",
                        "armenia",
                        "azerbaijan",
                        "russia",
                        "kazakhstan",
                        "kyrgyzstan",
                        "tajikistan",
                        "uzbekistan",
                        "belarus");
        assertThat(linked.get(facts.bySlug("csto").orElseThrow().id()).count()).isGreaterThan(5);
        // the seed names the UN Security Council once; no city is linked
        assertThat(slugs).contains("unsc").doesNotContain("moscow", "minsk");
    }
}
