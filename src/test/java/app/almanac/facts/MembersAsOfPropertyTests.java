package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A property: for random membership histories (imprecise ends, contested facts, statuses that do
 * and do not count) and random days, members-as-of from the database agrees with a brute-force scan
 * of the intervals as written. Seeded, so a failure can be replayed; 40 countries, 300 days.
 */
@AlmanacTest
class MembersAsOfPropertyTests {

    private static final String[] STATUSES = {
        "member", "founding-member", "participation-frozen", "suspended", "observer", "invited"
    };

    @Autowired
    FactsService facts;

    private record Interval(String country, String status, String from, String to, boolean contested) {}

    @Test
    void membersAsOfAgreesWithABruteForceScanOfTheIntervals() {
        Random random = new Random(20261201);
        List<Interval> intervals = new ArrayList<>();
        StringBuilder json = new StringBuilder(
                "{\"entities\": [{\"slug\": \"property-org\", \"name\": \"Property Org\", \"kind\": \"organisation\"}");
        for (int c = 0; c < 40; c++) {
            json.append(", {\"slug\": \"country-")
                    .append(c)
                    .append("\", \"name\": \"Country ")
                    .append(c)
                    .append("\", \"kind\": \"country\"}");
            LocalDate cursor = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(3000));
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                String from = precise(cursor, random);
                LocalDate end = cursor.plusDays(200 + random.nextInt(4000));
                boolean open = k == n - 1 && random.nextBoolean();
                String to = open ? null : precise(end, random);
                intervals.add(new Interval(
                        "country-" + c, STATUSES[random.nextInt(STATUSES.length)], from, to, random.nextInt(10) == 0));
                // the next interval starts in the year after this one ends, whatever the ends' precision
                cursor = LocalDate.of(end.getYear() + 1, 1, 1).plusDays(random.nextInt(300));
                if (open) {
                    break;
                }
            }
        }
        json.append("], \"facts\": [");
        for (int i = 0; i < intervals.size(); i++) {
            Interval v = intervals.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"subject\": \"")
                    .append(v.country())
                    .append("\", \"predicate\": \"member-of\", \"object\": \"property-org\", \"status\": \"")
                    .append(v.status())
                    .append("\", \"from\": \"")
                    .append(v.from())
                    .append("\"")
                    .append(v.to() == null ? "" : ", \"to\": \"" + v.to() + "\"")
                    .append(", \"contested\": ")
                    .append(v.contested())
                    .append(", \"sources\": [{\"url\": \"https://example.org/\" }]}");
        }
        json.append("]}");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        FactFile.Parsed parsed = FactFile.read("property.json", bytes, facts.knownSlugs());
        assertThat(parsed.problems()).isEmpty();
        facts.load("property", List.of(parsed), bytes, "test");

        for (int d = 0; d < 300; d++) {
            LocalDate day = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(16000));
            Map<String, String> expected = new HashMap<>();
            for (Interval v : intervals) {
                String holds = bruteForce(v, day);
                if (holds != null) {
                    expected.put(v.country(), holds);
                }
            }
            FactsService.Members members = facts.members("property-org", day);
            Map<String, String> actual = new HashMap<>();
            for (FactsService.Standing s : members.members()) {
                actual.put(s.entity().slug(), s.status());
            }
            for (FactsService.Standing s : members.others()) {
                actual.put(s.entity().slug(), s.status());
            }
            assertThat(new TreeSet<>(
                            actual.entrySet().stream().map(Object::toString).toList()))
                    .as("as of " + day)
                    .isEqualTo(new TreeSet<>(
                            expected.entrySet().stream().map(Object::toString).toList()));
            assertThat(members.members())
                    .allSatisfy(s -> assertThat(FactStatus.parse(s.recorded().code()).countsAsMembership)
                            .isTrue());
        }
    }

    /** The answer worked out from the written dates alone: the status, "unconfirmed", or null. */
    private static String bruteForce(Interval v, LocalDate day) {
        LocalDate[] from = bounds(v.from());
        LocalDate[] to = v.to() == null ? null : bounds(v.to());
        // begins at the start of a day in [from0, from1], ends at the start of a day in [to0, to1]
        boolean possibly = !day.isBefore(from[0]) && (to == null || day.isBefore(to[1]));
        boolean surely = !day.isBefore(from[1]) && (to == null || day.isBefore(to[0]));
        if (!possibly) {
            return null;
        }
        return surely && !v.contested() ? v.status() : "unconfirmed";
    }

    /** The first and last day a written date may stand for. */
    private static LocalDate[] bounds(String text) {
        String[] parts = text.split("-");
        if (parts.length == 1) {
            int y = Integer.parseInt(parts[0]);
            return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
        }
        if (parts.length == 2) {
            LocalDate first = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1);
            return new LocalDate[] {first, first.plusMonths(1).minusDays(1)};
        }
        LocalDate day = LocalDate.parse(text);
        return new LocalDate[] {day, day};
    }

    private static String precise(LocalDate day, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(day.getYear());
            case 1 -> day.toString().substring(0, 7);
            default -> day.toString();
        };
    }
}
