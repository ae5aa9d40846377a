package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestArticles;
import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Section;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProseClaimsTests {

    private static ArticleContent saying(String... sentences) {
        return TestArticles.article("Notes on a security alliance")
                .sections(List.of(new Section("Background", List.of(new Block.BulletList(List.of(sentences))))))
                .build();
    }

    private static List<String> toCheck(FactBase facts, EntityLinker linker, ArticleContent content) {
        return new ProseClaims(facts, linker)
                .check(content).stream().map(ProseClaims.ToCheck::sentence).toList();
    }

    @Test
    void aJoiningOrLeavingIsComparedWithTheRecordedMemberships() {
        FactBase facts = ShippedFacts.base();
        EntityLinker linker = ShippedFacts.linker(facts);
        ArticleContent content = saying(
                "Uzbekistan left the Collective Security Treaty Organization in 2008.",
                "Uzbekistan suspended its membership of the CSTO in 2012.",
                "Uzbekistan joined the CSTO again in 2006.",
                "Belarus joined the CSTO in 2010.",
                "Russia and Belarus held an exercise with the CSTO in 2010.",
                "Kazakhstan hosted the CSTO summit in 2010.");
        assertThat(toCheck(facts, linker, content))
                .containsExactly(
                        "Uzbekistan left the Collective Security Treaty Organization in 2008.",
                        "Belarus joined the CSTO in 2010.");
        ProseClaims.ToCheck belarus =
                new ProseClaims(facts, linker).check(content).get(1);
        assertThat(belarus.detail()).contains("founding member of the CSTO from 7 October 2002");
        assertThat(belarus.facts())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.sources()).isNotEmpty());
    }

    @Test
    void theSeedsKyrgyzstanDeploymentIsToCheckTheCstoDeclinedInJune2010() {
        FactBase facts = ShippedFacts.base();
        List<ProseClaims.ToCheck> found = new ProseClaims(facts, ShippedFacts.linker(facts))
                .check(app.almanac.ingest.ArticleFiles.read(app.almanac.TestSeeds.CSTO)
                        .articles()
                        .get(0));
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.sentence()).contains("Kyrgyzstan", "2010");
            assertThat(c.country().slug()).isEqualTo("kyrgyzstan");
            assertThat(c.detail()).contains("declined to deploy peacekeepers");
            assertThat(c.facts()).allSatisfy(f -> assertThat(f.sources()).isNotEmpty());
        });
    }

    @Test
    void aDeploymentIsComparedWithTheRecordedEvents() {
        Entity alliance = new Entity(
                1, "alliance", "Northern Security Alliance", "organisation", List.of("NSA"), List.of(), null);
        Entity ruritania = new Entity(2, "ruritania", "Ruritania", "country", List.of(), List.of(), null);
        Entity elbonia = new Entity(3, "elbonia", "Elbonia", "country", List.of(), List.of(), null);
        List<FactFile.Source> source = List.of(new FactFile.Source("https://example.org/a", "A report", null, null));
        FactBase facts = new FactBase(
                List.of(alliance, ruritania, elbonia),
                List.of(
                        new StoredFact(
                                1,
                                alliance,
                                "event",
                                ruritania,
                                "The alliance declined Ruritania's request for peacekeepers",
                                null,
                                Period.parse("2010-06-14"),
                                null,
                                "normal",
                                false,
                                null,
                                source),
                        new StoredFact(
                                2,
                                alliance,
                                "event",
                                elbonia,
                                "The alliance deployed peacekeepers to Elbonia",
                                null,
                                Period.parse("2022-01-06"),
                                null,
                                "normal",
                                false,
                                null,
                                source)),
                List.of());
        EntityLinker linker = new EntityLinker(facts.entities(), Map.of(1L, Set.of(2L, 3L)));
        assertThat(toCheck(
                        facts,
                        linker,
                        saying(
                                "The Northern Security Alliance deployed a peacekeeping force to Ruritania in 2010.",
                                "The Northern Security Alliance deployed peacekeepers to Elbonia in 2022.",
                                "The Northern Security Alliance deployed peacekeepers to Elbonia in 2019.",
                                "The Northern Security Alliance declined to deploy to Ruritania in 2010.")))
                .as("a year with no recorded event is no disagreement")
                .containsExactly("The Northern Security Alliance deployed a peacekeeping force to Ruritania in 2010.");
    }
}
