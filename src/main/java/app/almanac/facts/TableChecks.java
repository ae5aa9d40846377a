package app.almanac.facts;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Section;
import app.almanac.facts.FactBase.Truth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article's "About X" fact tables against the facts as of a day: founding members,
 * members, observers, headquarters and the founding year. A row is verified when the facts agree,
 * contradicted when they provably do not (a member missing from a complete list, one named who was
 * not a member, another city, another year), and unchecked when the facts do not settle it or the
 * row is not one the facts speak to. Pure.
 */
final class TableChecks {

    /** What a row states. */
    enum RowKind {
        FOUNDERS(false),
        MEMBERS(true),
        OBSERVERS(true),
        HEADQUARTERS(true),
        FOUNDED(false),
        OTHER(false);

        /** Whether the row states how things are now (it can go stale), rather than how they began. */
        final boolean current;

        RowKind(boolean current) {
            this.current = current;
        }
    }

    /** One row's verdict with the facts it rests on. */
    record Row(
            int table,
            String label,
            Entity entity,
            RowKind kind,
            String verdict,
            String detail,
            List<StoredFact> facts) {

        String key() {
            return table + ":" + label;
        }
    }

    private static final Pattern YEAR = Pattern.compile("\\b(1[6-9]\\d\\d|20\\d\\d)\\b");
    /** Words that say a list is not the whole list. */
    private static final Pattern PARTIAL = Pattern.compile(
            "(?i)\\b(including|include|includes|such as|among|e\\.g\\.|etc|like|others|notably|major)\\b");

    private static final Set<String> HEADINGS = Set.of(
            "aspect",
            "aspects",
            "feature",
            "features",
            "parameter",
            "parameters",
            "particulars",
            "category",
            "head",
            "heading",
            "key points");

    private final FactBase facts;
    private final EntityLinker linker;

    TableChecks(FactBase facts, EntityLinker linker) {
        this.facts = facts;
        this.linker = linker;
    }

    /** Every row of every fact table about an entity, checked as of {@code day}. */
    List<Row> check(ArticleContent content, LocalDate day) {
        List<Row> out = new ArrayList<>();
        int table = 0;
        String context = ContentFacts.text(content);
        for (Section section : content.sections()) {
            Optional<Entity> about = subject(section.heading(), context);
            for (Block block : section.blocks()) {
                if (!(block instanceof Block.FactTable t)) {
                    continue;
                }
                if (about.isPresent()) {
                    for (List<List<String>> cells : t.rows()) {
                        if (cells.size() < 2) {
                            continue;
                        }
                        String label = String.join(" ", cells.get(0)).strip();
                        String value = String.join(
                                "\n",
                                cells.subList(1, cells.size()).stream()
                                        .map(c -> String.join("\n", c))
                                        .toList());
                        if (label.isEmpty() || HEADINGS.contains(label.toLowerCase(Locale.ROOT))) {
                            continue;
                        }
                        out.add(row(table, label, value, about.get(), day));
                    }
                }
                table++;
            }
        }
        return out;
    }

    /** The organisation or grouping a section heading is about ("About Collective Security …"). */
    Optional<Entity> subject(String heading, String context) {
        if (heading == null || heading.isBlank()) {
            return Optional.empty();
        }
        return linker.mentions(heading, context).stream()
                .map(m -> linker.entity(m.entity()))
                .filter(e -> !e.kind().equals("country"))
                .findFirst();
    }

    static RowKind kind(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("found") && l.contains("member") || l.contains("founder")) {
            return RowKind.FOUNDERS;
        }
        if (l.contains("observer")) {
            return RowKind.OBSERVERS;
        }
        if (l.contains("member")) {
            return RowKind.MEMBERS;
        }
        if (l.contains("headquarter") || l.equals("hq") || l.contains("secretariat")) {
            return RowKind.HEADQUARTERS;
        }
        if (l.contains("found")
                || l.contains("establish")
                || l.contains("formation")
                || l.contains("formed")
                || l.contains("inception")) {
            return RowKind.FOUNDED;
        }
        return RowKind.OTHER;
    }

    /** The row as of {@code day}. */
    Row row(int table, String label, String value, Entity g, LocalDate day) {
        RowKind kind = kind(label);
        return switch (kind) {
            case FOUNDERS -> founders(table, label, value, g);
            case MEMBERS -> members(table, label, value, g, day);
            case OBSERVERS -> observers(table, label, value, g, day);
            case HEADQUARTERS -> headquarters(table, label, value, g, day);
            case FOUNDED -> founded(table, label, value, g);
            case OTHER ->
                new Row(table, label, g, kind, "unchecked", "Almanac's facts do not cover this row.", List.of());
        };
    }

    private List<Entity> named(String value, Entity g) {
        Set<Entity> out = new LinkedHashSet<>();
        for (EntityLinker.Mention m : linker.mentions(value)) {
            Entity e = linker.entity(m.entity());
            if (!e.equals(g) && facts.predecessor(g.id()).filter(e::equals).isEmpty()) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private Row members(int table, String label, String value, Entity g, LocalDate day) {
        List<Entity> named = named(value, g);
        List<StoredFact> used = new ArrayList<>();
        long asked = facts.asked(g.id(), day);
        Optional<Count> count = Count.in(value);
        if (named.isEmpty() && count.isEmpty()) {
            return new Row(
                    table, label, g, RowKind.MEMBERS, "unchecked", "The row names no member Almanac knows.", used);
        }
        List<String> wrong = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Entity e : named) {
            used.addAll(facts.memberships(e.id(), asked));
            Truth t = facts.member(e.id(), g.id(), day);
            if (t == Truth.FALSE) {
                wrong.add(e.name() + " was not a member on " + FactText.day(day) + standingOf(e, asked, day));
            } else if (t == Truth.UNKNOWN) {
                open.add(e.name());
            }
        }
        boolean complete = facts.complete(asked, day);
        List<Entity> members = facts.members(g.id(), day);
        List<String> detail = new ArrayList<>(wrong);
        String agrees = null;
        if (count.isPresent()) {
            // "Thirty-two countries": the number is the claim; the names beside it need not be all
            Count c = count.get();
            List<Entity> counted = c.countries()
                    ? members.stream().filter(m -> m.kind().equals("country")).toList()
                    : members;
            if (!complete || !facts.undecidedMembers(g.id(), day).isEmpty()) {
                open.add(c.number() + " " + c.unit());
            } else if (counted.size() != c.number()) {
                detail.add("the facts count " + counted.size() + " " + c.unit() + " on " + FactText.day(day) + ", not "
                        + c.number());
            } else {
                agrees = "The facts count " + counted.size() + " " + c.unit() + " on " + FactText.day(day) + ".";
            }
        } else if (complete && named.size() > 1 && !PARTIAL.matcher(value).find()) {
            // a list of names reads as the whole list
            List<String> missing = new ArrayList<>();
            for (Entity m : members) {
                if (!named.contains(m)) {
                    missing.add(m.name());
                    used.addAll(facts.memberships(m.id(), asked));
                }
            }
            if (!missing.isEmpty()) {
                detail.add("the facts also list " + FactText.list(missing) + " as a member on " + FactText.day(day));
            }
        }
        if (!detail.isEmpty()) {
            return new Row(table, label, g, RowKind.MEMBERS, "contradicted", sentence(String.join("; ", detail)), used);
        }
        if (!open.isEmpty()) {
            return new Row(
                    table,
                    label,
                    g,
                    RowKind.MEMBERS,
                    "unchecked",
                    "The facts do not settle " + FactText.list(open) + " on " + FactText.day(day) + ".",
                    used);
        }
        return new Row(
                table,
                label,
                g,
                RowKind.MEMBERS,
                "verified",
                agrees != null
                        ? agrees
                        : "Every member named was one on " + FactText.day(day)
                                + (complete
                                                && named.size() > 1
                                                && !PARTIAL.matcher(value).find()
                                        ? ", and none is missing."
                                        : "."),
                used);
    }

    /** A number of members a cell states: "Thirty-two countries", "27 member states", "ten members". */
    record Count(int number, String unit, boolean countries) {

        private static final Pattern FORM = Pattern.compile(
                "(?i)\\b(\\d{1,3}|[a-z]+(?:[- ][a-z]+)?)\\s+(member states|member countries|countries|nations|states|members|economies)\\b");
        private static final List<String> ONES = List.of(
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen");
        private static final List<String> TENS =
                List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

        static Optional<Count> in(String text) {
            Matcher m = FORM.matcher(text);
            while (m.find()) {
                Integer n = number(m.group(1).toLowerCase(Locale.ROOT));
                if (n != null && n > 1) {
                    String unit = m.group(2).toLowerCase(Locale.ROOT);
                    return Optional.of(new Count(n, unit, !unit.equals("members")));
                }
            }
            return Optional.empty();
        }

        private static Integer number(String word) {
            if (word.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(word);
            }
            String w = word.replace(' ', '-');
            // the last word before the unit only: "all twelve" is twelve
            int ones = ONES.indexOf(w.substring(w.lastIndexOf('-') + 1));
            if (!w.contains("-")) {
                int tens = TENS.indexOf(w);
                return ones >= 0 ? Integer.valueOf(ones) : tens >= 2 ? Integer.valueOf(tens * 10) : null;
            }
            int tens = TENS.indexOf(w.substring(0, w.indexOf('-')));
            if (tens >= 2 && ones > 0 && ones < 10) {
                return tens * 10 + ones;
            }
            return ones >= 0 ? Integer.valueOf(ones) : null;
        }
    }

    private String standingOf(Entity e, long group, LocalDate day) {
        for (StoredFact f : facts.memberships(e.id(), group)) {
            if (f.holdsOn(day) == StoredFact.Holds.YES) {
                return " (" + f.status().label() + ")";
            }
        }
        return "";
    }

    private Row observers(int table, String label, String value, Entity g, LocalDate day) {
        List<Entity> named = named(value, g);
        List<StoredFact> used = new ArrayList<>();
        long asked = facts.asked(g.id(), day);
        List<String> wrong = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Entity e : named) {
            used.addAll(facts.memberships(e.id(), asked));
            Truth observer = facts.standing(e.id(), g.id(), FactStatus.OBSERVER, day);
            if (observer == Truth.TRUE) {
                continue;
            }
            if (facts.member(e.id(), g.id(), day) == Truth.TRUE) {
                wrong.add(e.name() + " was a member, not an observer, on " + FactText.day(day));
            } else {
                open.add(e.name());
            }
        }
        if (named.isEmpty()) {
            return new Row(
                    table, label, g, RowKind.OBSERVERS, "unchecked", "The row names no observer Almanac knows.", used);
        }
        if (!wrong.isEmpty()) {
            return new Row(
                    table, label, g, RowKind.OBSERVERS, "contradicted", sentence(String.join("; ", wrong)), used);
        }
        if (!open.isEmpty()) {
            return new Row(
                    table,
                    label,
                    g,
                    RowKind.OBSERVERS,
                    "unchecked",
                    "The facts record no observer status for " + FactText.list(open) + " on " + FactText.day(day) + ".",
                    used);
        }
        return new Row(
                table,
                label,
                g,
                RowKind.OBSERVERS,
                "verified",
                "Every observer named was one on " + FactText.day(day) + ".",
                used);
    }

    private Row founders(int table, String label, String value, Entity g) {
        List<Entity> named = named(value, g);
        List<Entity> own = facts.founders(g.id());
        Optional<Entity> before = facts.predecessor(g.id());
        List<Entity> earlier = before.map(p -> facts.founders(p.id())).orElse(List.of());
        List<StoredFact> used = new ArrayList<>(facts.aboutObject(g.id(), Set.of("founding-member-of")));
        if (own.isEmpty() || named.isEmpty()) {
            return new Row(
                    table, label, g, RowKind.FOUNDERS, "unchecked", "The facts record no founders to compare.", used);
        }
        if (same(named, own)) {
            return new Row(
                    table,
                    label,
                    g,
                    RowKind.FOUNDERS,
                    "verified",
                    "These are the founders of " + FactText.brief(g) + ".",
                    used);
        }
        if (!earlier.isEmpty() && same(named, earlier)) {
            used = new ArrayList<>(facts.aboutObject(before.get().id(), Set.of("founding-member-of")));
            return new Row(
                    table,
                    label,
                    g,
                    RowKind.FOUNDERS,
                    "verified",
                    "These are the founders of " + FactText.called(before.get()) + ", which " + FactText.brief(g)
                            + " succeeded; " + FactText.brief(g) + "'s own founders were " + names(own) + ".",
                    used);
        }
        boolean settled = facts.foundersComplete(g.id());
        if (!settled) {
            return new Row(
                    table,
                    label,
                    g,
                    RowKind.FOUNDERS,
                    "unchecked",
                    "The facts' list of founders is not marked complete; they record " + names(own) + ".",
                    used);
        }
        List<String> extra =
                named.stream().filter(e -> !own.contains(e)).map(Entity::name).toList();
        List<String> missing =
                own.stream().filter(e -> !named.contains(e)).map(Entity::name).toList();
        List<String> detail = new ArrayList<>();
        if (!extra.isEmpty()) {
            detail.add(FactText.list(extra) + (extra.size() == 1 ? " was not a founder" : " were not founders"));
        }
        if (!missing.isEmpty()) {
            detail.add("the founders also include " + FactText.list(missing));
        }
        return new Row(table, label, g, RowKind.FOUNDERS, "contradicted", sentence(String.join("; ", detail)), used);
    }

    private Row headquarters(int table, String label, String value, Entity g, LocalDate day) {
        Optional<StoredFact> hq = facts.headquarters(g.id(), day);
        if (hq.isEmpty()) {
            List<StoredFact> recorded = facts.aboutSubject(g.id(), Set.of("headquarters"));
            return new Row(
                    table,
                    label,
                    g,
                    RowKind.HEADQUARTERS,
                    "unchecked",
                    recorded.isEmpty()
                            ? "The facts record no headquarters."
                            : "The facts do not settle where the headquarters were on " + FactText.day(day)
                                    + " (a date too imprecise for the day, or sources that differ).",
                    recorded);
        }
        Entity city = hq.get().object();
        String v = value.toLowerCase(Locale.ROOT);
        boolean named = v.contains(city.name().toLowerCase(Locale.ROOT))
                || city.aliases().stream().anyMatch(a -> v.contains(a.toLowerCase(Locale.ROOT)));
        return named
                ? new Row(
                        table,
                        label,
                        g,
                        RowKind.HEADQUARTERS,
                        "verified",
                        "The headquarters were in " + city.name() + " on " + FactText.day(day) + ".",
                        List.of(hq.get()))
                : new Row(
                        table,
                        label,
                        g,
                        RowKind.HEADQUARTERS,
                        "contradicted",
                        "The facts put the headquarters in " + city.name() + " on " + FactText.day(day) + ".",
                        List.of(hq.get()));
    }

    private Row founded(int table, String label, String value, Entity g) {
        List<Integer> years = new ArrayList<>();
        Matcher m = YEAR.matcher(value);
        while (m.find()) {
            years.add(Integer.parseInt(m.group(1)));
        }
        Optional<StoredFact> own = facts.founded(g.id());
        Optional<StoredFact> earlier = facts.predecessor(g.id()).flatMap(p -> facts.founded(p.id()));
        List<StoredFact> used = new ArrayList<>();
        own.ifPresent(used::add);
        earlier.ifPresent(used::add);
        if (own.isEmpty() || years.isEmpty()) {
            return new Row(
                    table,
                    label,
                    g,
                    RowKind.FOUNDED,
                    "unchecked",
                    "The facts record no founding date to compare.",
                    used);
        }
        Set<Integer> known = new LinkedHashSet<>();
        for (StoredFact f : used) {
            if (f.from() != null) {
                known.add(f.from().earliest().getYear());
            }
        }
        List<Integer> wrong = years.stream().filter(y -> !known.contains(y)).toList();
        String facts = used.stream()
                .map(f -> f.value() + " (" + FactText.period(f.from()) + ")")
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        return wrong.isEmpty()
                ? new Row(table, label, g, RowKind.FOUNDED, "verified", sentence(facts), used)
                : new Row(
                        table,
                        label,
                        g,
                        RowKind.FOUNDED,
                        "contradicted",
                        sentence("The facts give " + facts + ", not " + wrong.get(0)),
                        used);
    }

    private static boolean same(List<Entity> a, List<Entity> b) {
        return new LinkedHashSet<>(a).equals(new LinkedHashSet<>(b));
    }

    private static String names(List<Entity> entities) {
        return FactText.list(entities.stream().map(Entity::name).toList());
    }

    private static String sentence(String s) {
        String t = QuestionGenerator.capital(s.strip());
        return t.endsWith(".") ? t : t + ".";
    }
}
