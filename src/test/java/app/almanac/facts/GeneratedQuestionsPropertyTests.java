package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.facts.FactBase.Truth;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A property: for random worlds of groupings, countries, cities and membership histories (exact,
 * month and year dates, contested facts, statuses that do and do not count, lists complete or not)
 * and random reference dates (500 tries), every generated question has exactly one correct option as of its
 * reference date — judged not by the {@link FactBase} the generator used, but by an oracle written
 * apart from it: it tries every way the imprecise dates could fall and every contested fact holding
 * or not, and calls a claim true only when it is true in all of them.
 */
class GeneratedQuestionsPropertyTests {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** One membership-like fact of the random world. */
    private record Interval(long country, long group, FactStatus status, Period from, Period to, boolean contested) {}

    /** A random world: the fact base the generator reads, and what the oracle reads. */
    private static final class World {
        final List<Entity> entities = new ArrayList<>();
        final List<StoredFact> facts = new ArrayList<>();
        final List<FactBase.Completeness> complete = new ArrayList<>();
        final List<Interval> intervals = new ArrayList<>();
        final Map<Long, Long> headquarters = new HashMap<>();
        final Map<Long, Period> founded = new HashMap<>();
        final Map<Long, LocalDate> completeFrom = new HashMap<>();
        final Map<Long, Entity> byId = new HashMap<>();
        long nextFact = 1;

        FactBase base() {
            return new FactBase(entities, facts, complete);
        }

        Entity add(long id, String slug, String name, String kind, List<String> abbreviations) {
            Entity e = new Entity(id, slug, name, kind, abbreviations, List.of(), null);
            entities.add(e);
            byId.put(id, e);
            return e;
        }

        void fact(
                Entity subject,
                String predicate,
                Entity object,
                String value,
                FactStatus status,
                Period from,
                Period to,
                boolean contested) {
            facts.add(new StoredFact(
                    nextFact++,
                    subject,
                    predicate,
                    object,
                    value,
                    status,
                    from,
                    to,
                    "normal",
                    contested,
                    null,
                    List.of(new FactFile.Source("https://example.org/" + nextFact, "Source " + nextFact, null, null))));
        }
    }

    private static Period period(LocalDate day, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Period.parse(String.valueOf(day.getYear()));
            case 1 -> Period.parse(YearMonth.from(day).toString());
            default -> Period.parse(day.toString());
        };
    }

    private static World world(long seed) {
        Random random = new Random(seed);
        World w = new World();
        String[] names = {"Alpha", "Beta", "Gamma", "Delta"};
        List<Entity> groups = new ArrayList<>();
        for (int g = 0; g < names.length; g++) {
            groups.add(w.add(
                    100 + g,
                    "group-" + g,
                    names[g] + " Organisation",
                    "organisation",
                    List.of(names[g].toUpperCase(Locale.ROOT) + "O")));
        }
        List<Entity> countries = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            countries.add(w.add(200 + c, "country-" + c, "Country " + (char) ('A' + c), "country", List.of()));
        }
        List<Entity> cities = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            cities.add(w.add(300 + c, "city-" + c, "City " + (char) ('P' + c), "city", List.of()));
        }
        for (Entity g : groups) {
            Entity city = cities.get(random.nextInt(cities.size()));
            w.headquarters.put(g.id(), city.id());
            w.fact(g, "headquarters", city, null, null, null, null, false);
            LocalDate foundedOn = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(3650));
            Period founded = random.nextInt(3) == 0
                    ? Period.parse(String.valueOf(foundedOn.getYear()))
                    : Period.parse(foundedOn.toString());
            w.founded.put(g.id(), founded);
            w.fact(g, "founded", null, "founded", null, founded, null, false);
            if (random.nextInt(10) < 6) {
                // marked complete from its founding, kept as the repository keeps it (the last day the start could be)
                w.completeFrom.put(g.id(), founded.latest());
                w.complete.add(new FactBase.Completeness(g.id(), founded.latest(), null));
            }
            for (Entity c : countries) {
                if (random.nextInt(10) < 4) {
                    continue;
                }
                boolean founder = founded.exact() && random.nextInt(3) == 0;
                LocalDate start =
                        founder ? founded.earliest() : founded.earliest().plusDays(30 + random.nextInt(6000));
                FactStatus first = founder
                        ? FactStatus.FOUNDING_MEMBER
                        : List.of(
                                        FactStatus.MEMBER,
                                        FactStatus.MEMBER,
                                        FactStatus.OBSERVER,
                                        FactStatus.PARTICIPATION_FROZEN)
                                .get(random.nextInt(4));
                Period from = founder ? Period.parse(start.toString()) : period(start, random);
                Period to = null;
                LocalDate end = start.plusDays(200 + random.nextInt(6000));
                boolean ends = random.nextBoolean();
                if (ends) {
                    to = period(end, random);
                }
                add(w, c, g, first, from, to, random.nextInt(10) == 0);
                if (ends && random.nextBoolean()) {
                    // then a second standing, starting where the first ended
                    FactStatus second = List.of(
                                    FactStatus.SUSPENDED,
                                    FactStatus.MEMBER,
                                    FactStatus.WITHDRAWN,
                                    FactStatus.PARTICIPATION_FROZEN)
                            .get(random.nextInt(4));
                    add(w, c, g, second, to, null, random.nextInt(10) == 0);
                }
            }
        }
        return w;
    }

    private static void add(World w, Entity c, Entity g, FactStatus status, Period from, Period to, boolean contested) {
        String predicate = status == FactStatus.FOUNDING_MEMBER
                ? "founding-member-of"
                : status == FactStatus.OBSERVER ? "observer-in" : "member-of";
        w.fact(c, predicate, g, null, status, from, to, contested);
        w.intervals.add(new Interval(c.id(), g.id(), status, from, to, contested));
    }

    // ---- the oracle

    /** One way the imprecise dates could fall and the contested facts hold. */
    private record Way(Map<Interval, LocalDate[]> spans) {}

    private static List<Way> ways(List<Interval> facts) {
        List<Way> out = new ArrayList<>();
        out.add(new Way(new HashMap<>()));
        for (Interval f : facts) {
            List<Way> next = new ArrayList<>();
            for (Way way : out) {
                for (LocalDate start : ends(f.from())) {
                    for (LocalDate end : f.to() == null ? new LocalDate[] {null} : ends(f.to())) {
                        Map<Interval, LocalDate[]> m = new HashMap<>(way.spans());
                        m.put(f, new LocalDate[] {start, end});
                        next.add(new Way(m));
                    }
                }
                if (f.contested()) {
                    next.add(way); // the fact may not hold at all
                }
            }
            out = next;
        }
        return out;
    }

    /** A period's first and last day: a date inside it could be either. */
    private static LocalDate[] ends(Period p) {
        return new LocalDate[] {p.earliest(), p.latest().minusDays(1)};
    }

    private static boolean covers(LocalDate[] span, LocalDate day) {
        return !span[0].isAfter(day) && (span[1] == null || day.isBefore(span[1]));
    }

    private static Truth all(List<Truth> truths) {
        if (truths.stream().allMatch(t -> t == Truth.TRUE)) {
            return Truth.TRUE;
        }
        return truths.stream().allMatch(t -> t == Truth.FALSE) ? Truth.FALSE : Truth.UNKNOWN;
    }

    private static Truth member(World w, long country, long group, LocalDate day) {
        List<Interval> facts = w.intervals.stream()
                .filter(i -> i.country() == country && i.group() == group)
                .toList();
        boolean complete =
                w.completeFrom.containsKey(group) && !w.completeFrom.get(group).isAfter(day);
        List<Truth> each = new ArrayList<>();
        for (Way way : ways(facts)) {
            boolean in = false;
            boolean other = false;
            for (var e : way.spans().entrySet()) {
                if (covers(e.getValue(), day)) {
                    in |= e.getKey().status().countsAsMembership;
                    other |= !e.getKey().status().countsAsMembership;
                }
            }
            each.add(in ? Truth.TRUE : other || complete ? Truth.FALSE : Truth.UNKNOWN);
        }
        return all(each);
    }

    private static Truth oracle(World w, Claim c) {
        return switch (c.kind()) {
            case "member" -> member(w, c.subject(), c.group(), c.day());
            case "headquarters" -> Truth.of(w.headquarters.get(c.group()) == c.city());
            case "founded-in" -> {
                Period p = w.founded.get(c.group());
                yield p.earliest().getYear() == p.latest().minusDays(1).getYear()
                        ? Truth.of(p.earliest().getYear() == c.year())
                        : Truth.UNKNOWN;
            }
            case "founding-member" -> {
                boolean recorded = w.intervals.stream()
                        .anyMatch(i -> i.country() == c.subject()
                                && i.group() == c.group()
                                && i.status() == FactStatus.FOUNDING_MEMBER
                                && !i.contested());
                Period founded = w.founded.get(c.group());
                boolean listComplete = founded.exact()
                        && w.completeFrom.containsKey(c.group())
                        && !w.completeFrom
                                .get(c.group())
                                .isAfter(founded.earliest().plusDays(1));
                yield recorded ? Truth.TRUE : listComplete ? Truth.FALSE : Truth.UNKNOWN;
            }
            case "former-member" -> {
                Truth now = member(w, c.subject(), c.group(), c.day());
                if (now != Truth.FALSE) {
                    yield now == Truth.TRUE ? Truth.FALSE : Truth.UNKNOWN;
                }
                List<Interval> facts = w.intervals.stream()
                        .filter(i -> i.country() == c.subject() && i.group() == c.group())
                        .toList();
                boolean ended = facts.stream()
                        .anyMatch(i -> i.status().countsAsMembership
                                && !i.contested()
                                && i.to() != null
                                && !i.to().latest().minusDays(1).isAfter(c.day()));
                boolean out = facts.stream()
                        .anyMatch(i -> (i.status() == FactStatus.SUSPENDED || i.status() == FactStatus.WITHDRAWN)
                                && !i.contested()
                                && !i.from().latest().minusDays(1).isAfter(c.day())
                                && (i.to() == null || c.day().isBefore(i.to().earliest())));
                boolean complete = w.completeFrom.containsKey(c.group())
                        && !w.completeFrom.get(c.group()).isAfter(c.day());
                yield ended || out ? Truth.TRUE : facts.isEmpty() && complete ? Truth.FALSE : Truth.UNKNOWN;
            }
            case "not" -> oracle(w, c.parts().get(0)).not();
            case "all" -> {
                List<Truth> parts = c.parts().stream().map(p -> oracle(w, p)).toList();
                yield parts.contains(Truth.FALSE)
                        ? Truth.FALSE
                        : parts.contains(Truth.UNKNOWN) ? Truth.UNKNOWN : Truth.TRUE;
            }
            case "count" -> {
                List<Truth> parts = c.parts().stream().map(p -> oracle(w, p)).toList();
                yield parts.contains(Truth.UNKNOWN)
                        ? Truth.UNKNOWN
                        : Truth.of(parts.stream().filter(t -> t == Truth.TRUE).count() == c.count());
            }
            default -> throw new IllegalStateException(c.kind());
        };
    }

    private static Claim on(Claim c, LocalDate day) {
        return new Claim(
                c.kind(),
                c.subject(),
                c.group(),
                c.city(),
                c.year(),
                c.day() == null ? null : day,
                c.parts().stream().map(p -> on(p, day)).toList(),
                c.count());
    }

    /** Exactly the keyed option true, every other false, as the oracle judges them on {@code day}. */
    private static void assertOneCorrect(World w, QuestionGenerator.Generated g, LocalDate day) {
        for (int i = 0; i < g.claims().size(); i++) {
            Truth t = oracle(w, on(g.claims().get(i), day));
            assertThat(t)
                    .as(
                            "%s option %s on %s: %s",
                            g.template().code,
                            g.question().options().get(i).text(),
                            day,
                            g.question().stem())
                    .isEqualTo(i == g.key() ? Truth.TRUE : Truth.FALSE);
        }
    }

    private static List<QuestionGenerator.Generated> generated(World w, LocalDate day) {
        return new QuestionGenerator(w.base()).generate(null, day, Set.of(), 200);
    }

    @Property(tries = 500)
    void everyGeneratedQuestionHasExactlyOneCorrectOptionAsOfItsDate(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 12000) int dayOffset) {
        World w = world(seed);
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(dayOffset);
        for (QuestionGenerator.Generated g : generated(w, day)) {
            assertOneCorrect(w, g, day);
            // a question dated by its month must hold on every day of it
            String month = MONTH.format(day);
            if (g.question().stem().contains("As of " + month + ",")) {
                YearMonth m = YearMonth.from(day);
                for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
                    assertOneCorrect(w, g, d);
                }
            }
        }
    }

    @Test
    void theRandomWorldsGiveEveryTemplateWork() {
        Set<QuestionGenerator.Template> seen = EnumSet.noneOf(QuestionGenerator.Template.class);
        int questions = 0;
        for (long seed = 1; seed <= 30; seed++) {
            for (QuestionGenerator.Generated g : generated(world(seed), LocalDate.of(2012, 6, 1))) {
                seen.add(g.template());
                questions++;
            }
        }
        assertThat(questions).isGreaterThan(300);
        assertThat(seen).containsExactlyInAnyOrder(QuestionGenerator.Template.values());
    }
}
