package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestHttp;
import app.almanac.web.Html5Validator;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped data set, loaded, and asked as of dates (the CSTO from the 1992 treaty to today). */
@AlmanacTest
class FactsTests {

    @LocalServerPort
    int port;

    @Autowired
    FactsDataSet dataSet;

    @Autowired
    FactsService facts;

    @BeforeAll
    void load() {
        FactsDataSet.Result result = dataSet.load("test");
        assertThat(result.problems()).as("every shipped file is valid").isEmpty();
    }

    private List<String> members(String entity, String day) {
        return facts.members(entity, LocalDate.parse(day)).members().stream()
                .map(s -> s.entity().slug())
                .toList();
    }

    @Test
    void everyShippedFileParsesWithoutAProblem() {
        for (FactFile.Parsed file : dataSet.parse()) {
            assertThat(file.problems()).as(file.file()).isEmpty();
            assertThat(file.facts()).as(file.file()).isNotEmpty();
        }
    }

    @Test
    void theCstoAsOfTheSeedsDateHasSixMembersArmeniaFrozenButStillOneAndNotUzbekistan() {
        FactsService.Members csto = facts.members("CSTO", LocalDate.of(2024, 2, 26));
        assertThat(csto.members())
                .extracting(s -> s.entity().slug())
                .containsExactlyInAnyOrder("armenia", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan");
        FactsService.Standing armenia = csto.members().stream()
                .filter(s -> s.entity().slug().equals("armenia"))
                .findFirst()
                .orElseThrow();
        assertThat(armenia.recorded()).isEqualTo(FactStatus.PARTICIPATION_FROZEN);
        assertThat(armenia.counts()).isTrue();
        assertThat(csto.members()).allSatisfy(s -> assertThat(s.sources()).isNotEmpty());
        assertThat(csto.complete())
                .as("the data set says the CSTO's list is complete")
                .isTrue();
        assertThat(members("csto", "2024-02-26")).doesNotContain("uzbekistan");
    }

    @Test
    void theCstoMembershipOfEarlierYears() {
        assertThat(members("collective-security-treaty", "1995-06-01"))
                .contains("armenia", "russia", "uzbekistan", "georgia", "azerbaijan");
        assertThat(members("collective-security-treaty", "2000-06-01"))
                .contains("armenia", "russia")
                .doesNotContain("uzbekistan", "georgia", "azerbaijan");
        // asked of the CSTO itself, a date before the 2002 Charter means the treaty it grew from
        assertThat(members("CSTO", "1995-06-01")).contains("armenia", "russia", "uzbekistan", "georgia", "azerbaijan");
        assertThat(members("CSTO", "2000-06-01")).contains("armenia", "russia").doesNotContain("uzbekistan", "georgia");
        assertThat(members("csto", "2008-06-01")).contains("uzbekistan", "armenia", "russia", "belarus");
        assertThat(members("csto", "2014-06-01")).contains("armenia", "russia").doesNotContain("uzbekistan");
    }

    @Test
    void theShippedDataSetKnowsTheTrapsPrepSitesFallInto() {
        // India is in the MTCR, the Wassenaar Arrangement and the Australia Group, but not the NSG
        assertThat(facts.groupings("India", LocalDate.of(2026, 11, 1)).groupings())
                .filteredOn(FactsService.Standing::counts)
                .extracting(s -> s.entity().slug())
                .contains("mtcr", "wassenaar-arrangement", "australia-group")
                .doesNotContain("nsg");
        assertThat(members("nsg", "2026-11-01")).hasSize(48);
        assertThat(facts.members("nsg", LocalDate.of(2026, 11, 1)).complete()).isTrue();
        // a treaty signed is not yet in force: NATO's twelve founders were members from 24 August 1949
        assertThat(members("nato", "1949-06-01")).isEmpty();
        assertThat(members("nato", "1949-09-01")).hasSize(12);
        // a suspended member is not counted as a member while suspended, and is again after
        assertThat(members("african-union", "2024-01-01")).doesNotContain("gabon", "niger");
        assertThat(members("african-union", "2025-06-01")).contains("gabon").doesNotContain("niger");
        assertThat(members("commonwealth", "2026-11-01")).hasSize(56);
        // the Security Council's elected members of 2015, complete from then on
        assertThat(members("unsc", "2015-06-01"))
                .hasSize(15)
                .contains("chad", "chile", "jordan", "lithuania", "nigeria", "china");
        assertThat(facts.members("unsc", LocalDate.of(2015, 6, 1)).complete()).isTrue();
    }

    @Test
    void theApiAnswersAsTheContractSays() {
        TestHttp http = new TestHttp(port);
        HttpResponse<String> response = http.get("/api/facts/entities/csto/members?asOf=2024-02-26");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(response.body());
        assertThat(json.get("entity").get("slug").asString()).isEqualTo("csto");
        assertThat(json.get("asOf").asString()).isEqualTo("2024-02-26");
        assertThat(json.get("members")).hasSize(6);
        assertThat(json.get("members").get(0).has("sources")).isTrue();
        assertThat(http.get("/api/facts/entities/CsTo/members").statusCode())
                .as("case-insensitive, today")
                .isEqualTo(200);
        assertThat(http.get("/api/facts/entities/csto/members?asOf=2024-02-30").statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/facts/entities/no-such-thing/members").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/facts/countries/india/groupings?asOf=2024-02-26")
                        .body())
                .contains("\"slug\":\"sco\"", "\"slug\":\"brics\"");
        assertThat(http.get("/api/facts/common?countries=India,Japan&asOf=2024-02-26")
                        .body())
                .contains("\"slug\":\"quad\"");
        assertThat(http.get("/api/facts/entities/csto/timeline").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/facts/entities/csto").body()).contains("Moscow");
    }

    @Test
    void theFactsPagesShowMembersAsOfADateWithATimelineAndAreValidHtml() {
        TestHttp http = new TestHttp(port);
        for (String path :
                List.of("/facts", "/facts/csto?asOf=2024-02-26", "/facts/india", "/facts/unsc?asOf=2021-06-01")) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(Html5Validator.errors(page.body())).as(path).isEmpty();
        }
        var csto = Jsoup.parse(http.get("/facts/CSTO?asOf=2024-02-26").body());
        assertThat(csto.select("table.members tbody tr")).hasSize(6);
        assertThat(csto.select("table.members").text())
                .contains("Armenia", "participation frozen")
                .doesNotContain("Uzbekistan");
        assertThat(csto.select("figure.timeline svg rect").size()).isGreaterThan(6);
        assertThat(csto.select("figure.timeline svg title").text()).contains("Uzbekistan");
        var before = Jsoup.parse(http.get("/facts/csto?asOf=2008-06-01").body());
        assertThat(before.select("table.members").text()).contains("Uzbekistan");
        assertThat(http.get("/facts/csto?asOf=2024-13-01").statusCode()).isEqualTo(400);
        assertThat(http.get("/facts/atlantis").statusCode()).isEqualTo(404);
    }

    @Test
    void loadingTheDataSetAgainChangesNothing() {
        FactsDataSet.Result again = dataSet.load("test");
        assertThat(again.loaded().skipped()).isTrue();
    }
}
