package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Section;
import app.almanac.ingest.ArticleFiles;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TableChecksTests {

    private static final LocalDate SEED_DAY = LocalDate.of(2024, 2, 26);
    private final FactBase facts = ShippedFacts.base();
    private final TableChecks checks = new TableChecks(facts, ShippedFacts.linker(facts));

    private static ArticleContent seed() {
        return ArticleFiles.read(TestSeeds.CSTO).articles().get(0);
    }

    private Map<String, TableChecks.Row> rows(ArticleContent content, LocalDate day) {
        return checks.check(content, day).stream()
                .collect(Collectors.toMap(TableChecks.Row::label, r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** An article with one "About" table of these rows. */
    private static ArticleContent about(String heading, List<List<String>> rows) {
        List<List<List<String>>> cells =
                rows.stream().map(r -> r.stream().map(List::of).toList()).toList();
        return new ArticleContent(
                "A test analysis",
                SEED_DAY,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new Section(heading, List.of(new Block.FactTable(List.of("Aspect", "Description"), cells)))),
                null);
    }

    @Test
    void theSeedsCstoTableChecksCleanAsOfItsDate() {
        Map<String, TableChecks.Row> rows = rows(seed(), SEED_DAY);
        assertThat(rows.get("Founding Members").verdict()).isEqualTo("verified");
        assertThat(rows.get("Founding Members").detail()).contains("Collective Security Treaty", "succeeded");
        assertThat(rows.get("Year Founded").verdict()).isEqualTo("verified");
        assertThat(rows.get("Current Members").verdict())
                .as("Armenia's frozen participation is still membership")
                .isEqualTo("verified");
        assertThat(rows.get("Headquarters").verdict()).isEqualTo("verified");
        assertThat(rows.get("Main Goals").verdict()).isEqualTo("unchecked");
        assertThat(rows.values()).allSatisfy(r -> assertThat(r.entity().slug()).isEqualTo("csto"));
        for (String label : List.of("Founding Members", "Year Founded", "Current Members", "Headquarters")) {
            assertThat(rows.get(label).facts())
                    .as(label)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.sources()).isNotEmpty());
        }
    }

    @Test
    void theSameRowsAsOfTodayNoLongerVerifyTheMembers() {
        // from 4 December 2024 sources differ on whether Armenia is still a member
        assertThat(rows(seed(), LocalDate.of(2026, 11, 1))
                        .get("Current Members")
                        .verdict())
                .isEqualTo("unchecked");
    }

    @Test
    void disagreementsAreListedWithWhatTheFactsSay() {
        Map<String, TableChecks.Row> rows = rows(
                about(
                        "About the CSTO",
                        List.of(
                                List.of(
                                        "Members",
                                        "Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Uzbekistan"),
                                List.of("Member states", "Armenia, Belarus, Kazakhstan, Russia, Tajikistan"),
                                List.of("Major members", "Members include Russia and Belarus"),
                                List.of("Headquarters", "Minsk, Belarus"),
                                List.of("Established", "1999"),
                                List.of("Founders", "Russia, Belarus, Georgia"))),
                SEED_DAY);
        assertThat(rows.get("Members").verdict()).isEqualTo("contradicted");
        assertThat(rows.get("Members").detail())
                .contains("Uzbekistan was not a member on 26 February 2024 (suspended)");
        assertThat(rows.get("Member states").verdict()).isEqualTo("contradicted");
        assertThat(rows.get("Member states").detail()).contains("also list Kyrgyzstan");
        assertThat(rows.get("Major members").verdict())
                .as("a partial list is not a complete one")
                .isEqualTo("verified");
        assertThat(rows.get("Headquarters").verdict()).isEqualTo("contradicted");
        assertThat(rows.get("Headquarters").detail()).contains("Moscow");
        assertThat(rows.get("Established").verdict()).isEqualTo("contradicted");
        assertThat(rows.get("Founders").verdict()).isEqualTo("contradicted");
        assertThat(rows.get("Founders").detail()).contains("Georgia was not a founder");
    }

    @Test
    void aNumberOfMembersIsCountedAgainstTheCompleteList() {
        LocalDate sweden = LocalDate.of(2024, 3, 8);
        Map<String, TableChecks.Row> nato = rows(
                about(
                        "About NATO",
                        List.of(
                                List.of("Members", "Thirty-two countries after Sweden's accession in March 2024."),
                                List.of("Member states", "31 member states"))),
                sweden);
        assertThat(nato.get("Members").verdict()).isEqualTo("verified");
        assertThat(nato.get("Members").detail()).contains("The facts count 32 countries on 8 March 2024");
        assertThat(nato.get("Member states").verdict()).isEqualTo("contradicted");
        assertThat(nato.get("Member states").detail()).contains("count 32 member states", "not 31");
        Map<String, TableChecks.Row> g20 = rows(
                about(
                        "About the G20",
                        List.of(List.of(
                                "Membership",
                                "Nineteen countries, the European Union and, from 2023, the African Union."))),
                LocalDate.of(2023, 9, 11));
        assertThat(g20.get("Membership").verdict())
                .as(g20.get("Membership").detail())
                .isEqualTo("verified");
    }

    @Test
    void aTableAboutNothingTheFactsKnowIsNotChecked() {
        assertThat(checks.check(
                        about("About the Indus Waters Treaty", List.of(List.of("Members", "India, Pakistan"))),
                        SEED_DAY))
                .isEmpty();
    }
}
