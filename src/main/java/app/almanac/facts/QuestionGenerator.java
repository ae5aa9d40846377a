package app.almanac.facts;

import app.almanac.article.Question;
import app.almanac.facts.FactBase.Truth;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes UPSC-style questions from the facts, and proves each one: every option carries the
 * {@link Claim} it makes, and a question is kept only when, as of its reference date, the keyed
 * option is true and every other option false — decided by the facts, never by a contested fact or
 * a date too imprecise for the day. "NOT a member" questions need the member list marked complete.
 * A stem says "As of February 2024" when the answer is the same on every day of that month, else
 * the day. Pure: it reads a {@link FactBase} and returns questions.
 */
final class QuestionGenerator {

    /** The templates, by the names the CLI and the API take. */
    enum Template {
        NOT_A_MEMBER("not-a-member"),
        FOUNDING_MEMBER("founding-member"),
        LEFT("left"),
        HEADQUARTERS("headquarters"),
        YEAR_FOUNDED("year-founded"),
        INCLUDES_ALL("includes-all"),
        STATEMENTS("statements"),
        MATCH_PAIRS("match-pairs");

        final String code;

        Template(String code) {
            this.code = code;
        }

        static Optional<Template> parse(String code) {
            return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
        }
    }

    /**
     * A generated question with its proof.
     *
     * @param claims what each option asserts, in option order
     * @param facts the facts the answer depends on
     */
    record Generated(
            Question question,
            Template template,
            Entity entity,
            LocalDate asOf,
            List<Claim> claims,
            List<StoredFact> facts) {

        /** The index of the keyed option. */
        int key() {
            return question.answer().get(0).charAt(0) - 'A';
        }
    }

    private static final List<String> LABELS = List.of("A", "B", "C", "D");
    private static final Set<String> GROUPINGS = Set.of("organisation", "grouping", "treaty", "body");

    private final FactBase facts;

    QuestionGenerator(FactBase facts) {
        this.facts = facts;
    }

    /**
     * Up to {@code count} questions about {@code group} (every grouping when null) as of
     * {@code day}, from {@code templates} (all when empty), taken in turn from each template.
     */
    List<Generated> generate(Entity group, LocalDate day, Set<Template> templates, int count) {
        List<Entity> groups = group != null
                ? List.of(group)
                : facts.entities().stream()
                        .filter(e -> GROUPINGS.contains(e.kind()))
                        .sorted(Comparator.comparing(Entity::slug))
                        .toList();
        List<Template> chosen = templates.isEmpty()
                ? List.of(Template.values())
                : templates.stream().sorted().toList();
        // each template and group makes a fair share; a share that runs out makes the others' larger
        int streams = chosen.size() * groups.size();
        if (streams == 0) {
            return List.of();
        }
        int share = Math.max(1, (count + streams - 1) / streams);
        while (true) {
            List<List<Generated>> made = new ArrayList<>();
            boolean saturated = false;
            for (Template t : chosen) {
                for (Entity g : groups) {
                    List<Generated> s = of(t, g, day, share);
                    made.add(s);
                    saturated |= s.size() == share;
                }
            }
            List<Generated> out = takeTurns(made, count);
            if (out.size() >= count || !saturated || share >= count) {
                return out;
            }
            share = Math.min(count, share * 2);
        }
    }

    /** One from each list in turn, so that a short list still shows every template; no question twice. */
    private static List<Generated> takeTurns(List<List<Generated>> lists, int count) {
        List<Generated> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int round = 0; out.size() < count; round++) {
            boolean any = false;
            for (List<Generated> s : lists) {
                if (round < s.size() && out.size() < count) {
                    any = true;
                    if (seen.add(fingerprint(s.get(round)))) {
                        out.add(s.get(round));
                    }
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /** What tells two generated questions apart: the template, the reference date's wording, the options. */
    static String fingerprint(Generated g) {
        return g.template().code + "|" + g.question().stem() + "|"
                + g.question().statements() + "|" + g.question().pairs() + "|"
                + g.question().options();
    }

    /** Every question {@code template} makes about {@code group} as of {@code day}, most plausible first. */
    List<Generated> of(Template template, Entity group, LocalDate day) {
        return of(template, group, day, Integer.MAX_VALUE);
    }

    /** At most {@code limit} of them. */
    List<Generated> of(Template template, Entity group, LocalDate day, int limit) {
        Bounded out = new Bounded(limit);
        try {
            fill(template, group, day, out);
        } catch (Bounded.Full enough) {
            // as many as were asked for
        }
        return List.copyOf(out);
    }

    /** A list that stops its filler once it holds {@code limit} questions. */
    private static final class Bounded extends ArrayList<Generated> {
        private static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }

        private final int limit;

        Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public boolean add(Generated g) {
            super.add(g);
            if (size() >= limit) {
                throw new Full();
            }
            return true;
        }
    }

    private void fill(Template template, Entity group, LocalDate day, List<Generated> out) {
        switch (template) {
            case NOT_A_MEMBER -> notAMember(group, day, out);
            case FOUNDING_MEMBER -> foundingMember(group, out);
            case LEFT -> left(group, day, out);
            case HEADQUARTERS -> headquarters(group, day, out);
            case YEAR_FOUNDED -> yearFounded(group, day, out);
            case INCLUDES_ALL -> includesAll(group, day, out);
            case STATEMENTS -> statements(group, day, out);
            case MATCH_PAIRS -> matchPairs(group, day, out);
        }
    }

    // ---- the templates

    private void notAMember(Entity g, LocalDate day, List<Generated> out) {
        if (!facts.complete(facts.asked(g.id(), day), day)) {
            return; // absence is provable only from a complete list
        }
        List<Entity> members = settled(g, day);
        List<Entity> outsiders = outsiders(g, day);
        for (Entity d : outsiders) {
            for (List<Entity> three : triples(members)) {
                List<Entity> options = new ArrayList<>(three);
                String stem = "which one of the following countries is NOT a member of " + FactText.called(g) + "?";
                Optional<Generated> q = choice(
                        Template.NOT_A_MEMBER,
                        g,
                        day,
                        stem,
                        options,
                        d,
                        (x, when) -> Claim.not(Claim.member(x.id(), g.id(), when)),
                        key -> "As of " + FactText.day(day) + " the members of " + FactText.brief(g) + " were "
                                + names(facts.members(g.id(), day)) + ". " + history(key, g) + ".",
                        List.of());
                q.ifPresent(out::add);
            }
        }
    }

    private void foundingMember(Entity g, List<Generated> out) {
        Optional<LocalDate> founded = facts.foundingDay(g.id());
        List<Entity> founders = facts.founders(g.id());
        if (founded.isEmpty() || founders.isEmpty()) {
            return;
        }
        List<Entity> others = new ArrayList<>();
        for (Entity c : candidatesAround(g, founded.get())) {
            if (facts.foundingMember(c.id(), g.id()) == Truth.FALSE) {
                others.add(c);
            }
        }
        for (Entity key : founders) {
            for (List<Entity> three : triples(others)) {
                String stem = "Which one of the following countries was a founding member of " + FactText.called(g)
                        + " when it was established in " + founded.get().getYear() + "?";
                choice(
                                Template.FOUNDING_MEMBER,
                                g,
                                null,
                                stem,
                                three,
                                key,
                                (x, when) -> Claim.foundingMember(x.id(), g.id()),
                                k -> "The founding members of " + FactText.brief(g) + " ("
                                        + FactText.day(founded.get()) + ") were " + names(founders) + ". "
                                        + three.stream()
                                                .map(o -> history(o, g))
                                                .reduce((a, b) -> a + "; " + b)
                                                .orElse("")
                                        + ".",
                                List.of())
                        .ifPresent(out::add);
            }
        }
    }

    private void left(Entity g, LocalDate day, List<Generated> out) {
        List<Entity> former = new ArrayList<>();
        for (Entity c : facts.candidates(g.id())) {
            if (facts.formerMember(c.id(), g.id(), day) == Truth.TRUE) {
                former.add(c);
            }
        }
        List<Entity> members = settled(g, day);
        for (Entity key : former) {
            for (List<Entity> three : triples(members)) {
                String stem = "which one of the following countries had left " + FactText.called(g)
                        + ", or had its membership suspended?";
                choice(
                                Template.LEFT,
                                g,
                                day,
                                stem,
                                three,
                                key,
                                (x, when) -> Claim.formerMember(x.id(), g.id(), when),
                                k -> history(k, g) + ". The others were members as of " + FactText.day(day) + ".",
                                List.of())
                        .ifPresent(out::add);
            }
        }
    }

    private void headquarters(Entity g, LocalDate day, List<Generated> out) {
        Optional<StoredFact> hq = facts.headquarters(g.id(), day);
        if (hq.isEmpty()) {
            return;
        }
        Entity city = hq.get().object();
        List<Entity> cities = new ArrayList<>();
        for (Entity s : siblingsThenOthers(g, day)) {
            facts.headquarters(s.id(), day)
                    .map(StoredFact::object)
                    .filter(c -> !c.equals(city) && !cities.contains(c))
                    .ifPresent(cities::add);
        }
        boolean dated = hq.get().from() != null || hq.get().to() != null;
        for (List<Entity> three : triples(cities)) {
            String stem = "Where are the headquarters of " + FactText.called(g) + " located?";
            choice(
                            Template.HEADQUARTERS,
                            g,
                            dated ? day : null,
                            dated ? "where are the headquarters of " + FactText.called(g) + " located?" : stem,
                            three,
                            city,
                            (x, when) -> Claim.headquarters(g.id(), x.id(), when != null ? when : day),
                            k -> "The headquarters of " + FactText.brief(g) + " are in " + city.name() + ".",
                            List.of(hq.get()))
                    .ifPresent(out::add);
        }
    }

    private void yearFounded(Entity g, LocalDate day, List<Generated> out) {
        Optional<StoredFact> founded = facts.founded(g.id());
        if (founded.isEmpty()
                || facts.foundedIn(g.id(), founded.get().from().earliest().getYear()) != Truth.TRUE) {
            return;
        }
        int year = founded.get().from().earliest().getYear();
        // years a learner could defend are no distractors: the predecessor's founding, the group's own events
        Set<Integer> excluded = new LinkedHashSet<>();
        facts.predecessor(g.id())
                .flatMap(p -> facts.founded(p.id()))
                .ifPresent(f -> excluded.add(f.from().earliest().getYear()));
        facts.aboutSubject(g.id(), Set.of("event")).forEach(f -> {
            if (f.from() != null) {
                excluded.add(f.from().earliest().getYear());
            }
        });
        List<Integer> years = new ArrayList<>();
        for (Entity s : siblingsThenOthers(g, LocalDate.of(year, 12, 31))) {
            facts.founded(s.id()).map(f -> f.from().earliest().getYear()).ifPresent(y -> {
                if (y != year
                        && Math.abs(y - year) <= 30
                        && y <= day.getYear()
                        && !excluded.contains(y)
                        && !years.contains(y)) {
                    years.add(y);
                }
            });
        }
        for (int d : new int[] {-5, 4, 9, -3, 7, -8, 2, -1}) {
            int y = year + d;
            if (!excluded.contains(y) && !years.contains(y) && y <= day.getYear()) {
                years.add(y);
            }
        }
        List<List<Integer>> triples = triples(years).stream().limit(6).toList();
        for (List<Integer> three : triples) {
            List<Integer> options = new ArrayList<>(three);
            options.add(year);
            options.sort(Comparator.naturalOrder());
            List<Claim> claims =
                    options.stream().map(y -> Claim.foundedIn(g.id(), y)).toList();
            String stem = "In which year was " + FactText.called(g) + " established?";
            String why = "The " + founded.get().value() + " on "
                    + FactText.period(founded.get().from()) + ".";
            proven(
                            Template.YEAR_FOUNDED,
                            g,
                            null,
                            stem,
                            List.of(),
                            null,
                            options.stream().map(String::valueOf).toList(),
                            claims,
                            options.indexOf(year),
                            why,
                            List.of(founded.get()))
                    .ifPresent(out::add);
        }
    }

    private void includesAll(Entity g, LocalDate day, List<Generated> out) {
        List<Entity> members = facts.members(g.id(), day);
        List<Entity> rivals = siblingsThenOthers(g, day).stream()
                .filter(r -> !r.kind().equals("treaty"))
                .toList();
        for (List<Entity> three : triples(members).stream().limit(10).toList()) {
            List<Entity> wrong = new ArrayList<>();
            for (Entity r : rivals) {
                Claim all = Claim.all(three.stream()
                        .map(c -> Claim.member(c.id(), r.id(), day))
                        .toList());
                if (all.eval(facts) == Truth.FALSE && !wrong.contains(r)) {
                    wrong.add(r);
                }
                if (wrong.size() == 3) {
                    break;
                }
            }
            if (wrong.size() < 3) {
                continue;
            }
            List<Entity> options = new ArrayList<>(wrong);
            int at = position(options, g);
            options.add(at, g);
            List<Claim> claims = options.stream()
                    .map(r -> Claim.all(three.stream()
                            .map(c -> Claim.member(c.id(), r.id(), day))
                            .toList()))
                    .toList();
            List<Question.Statement> statements =
                    numbered(three.stream().map(Entity::name).toList());
            List<StoredFact> used = new ArrayList<>();
            for (Entity r : options) {
                for (Entity c : three) {
                    used.addAll(facts.memberships(c.id(), r.id()));
                }
            }
            String why =
                    names(three) + " were all members of " + FactText.brief(g) + " as of " + FactText.day(day) + ". "
                            + wrong.stream()
                                    .map(r -> missing(r, three, day))
                                    .reduce((a, b) -> a + " " + b)
                                    .orElse("");
            proven(
                            Template.INCLUDES_ALL,
                            g,
                            day,
                            "Consider the following countries:",
                            statements,
                            null,
                            options.stream()
                                    .map(FactText::called)
                                    .map(QuestionGenerator::capital)
                                    .toList(),
                            claims,
                            at,
                            why,
                            used,
                            "which one of the following has all of the above countries as members?")
                    .ifPresent(out::add);
        }
    }

    private void statements(Entity g, LocalDate day, List<Generated> out) {
        List<Entity> members = facts.members(g.id(), day);
        List<Entity> outsiders = outsiders(g, day);
        if (members.size() < 2 || outsiders.isEmpty()) {
            return;
        }
        // true and false statements about the group, each one the facts settle
        List<Claim> pool = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, members.size()); i++) {
            pool.add(Claim.member(members.get(i).id(), g.id(), day));
            texts.add(members.get(i).name() + " is a member of " + FactText.brief(g) + ".");
        }
        for (int i = 0; i < Math.min(3, outsiders.size()); i++) {
            pool.add(Claim.member(outsiders.get(i).id(), g.id(), day));
            texts.add(outsiders.get(i).name() + " is a member of " + FactText.brief(g) + ".");
        }
        facts.headquarters(g.id(), day).ifPresent(hq -> {
            pool.add(Claim.headquarters(g.id(), hq.object().id(), day));
            texts.add("The headquarters of " + FactText.brief(g) + " are in "
                    + hq.object().name() + ".");
        });
        for (Entity s : siblingsThenOthers(g, day)) {
            Optional<StoredFact> other = facts.headquarters(s.id(), day);
            Optional<StoredFact> own = facts.headquarters(g.id(), day);
            if (other.isPresent()
                    && own.isPresent()
                    && !other.get().object().equals(own.get().object())) {
                pool.add(Claim.headquarters(g.id(), other.get().object().id(), day));
                texts.add("The headquarters of " + FactText.brief(g) + " are in "
                        + other.get().object().name() + ".");
                break;
            }
        }
        List<Integer> decided = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).eval(facts) != Truth.UNKNOWN) {
                decided.add(i);
            }
        }
        List<String> counts = List.of("Only one", "Only two", "All three", "None");
        int[] meaning = {1, 2, 3, 0};
        for (List<Integer> three : triples(decided).stream().limit(12).toList()) {
            List<Claim> parts = three.stream().map(pool::get).toList();
            List<Claim> claims = new ArrayList<>();
            for (int m : meaning) {
                claims.add(Claim.count(parts, m));
            }
            long trueCount =
                    parts.stream().filter(p -> p.eval(facts) == Truth.TRUE).count();
            int key = trueCount == 0 ? 3 : (int) trueCount - 1;
            List<StoredFact> used = new ArrayList<>();
            for (Claim p : parts) {
                used.addAll(supporting(p));
            }
            StringBuilder why = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                why.append("Statement ")
                        .append(i + 1)
                        .append(" is ")
                        .append(parts.get(i).eval(facts) == Truth.TRUE ? "correct" : "incorrect")
                        .append(". ");
            }
            why.append("As of ")
                    .append(FactText.day(day))
                    .append(" the members of ")
                    .append(FactText.brief(g))
                    .append(" were ")
                    .append(names(members))
                    .append('.');
            facts.headquarters(g.id(), day)
                    .ifPresent(hq -> why.append(" Its headquarters are in ")
                            .append(hq.object().name())
                            .append('.'));
            proven(
                            Template.STATEMENTS,
                            g,
                            day,
                            "Consider the following statements:",
                            numbered(three.stream().map(texts::get).toList()),
                            null,
                            counts,
                            claims,
                            key,
                            why.toString(),
                            used,
                            "How many of the statements given above are correct?")
                    .ifPresent(out::add);
        }
    }

    private void matchPairs(Entity g, LocalDate day, List<Generated> out) {
        Optional<StoredFact> own = facts.headquarters(g.id(), day);
        if (own.isEmpty()) {
            return;
        }
        List<StoredFact> hqs = new ArrayList<>(List.of(own.get()));
        for (Entity s : siblingsThenOthers(g, day)) {
            facts.headquarters(s.id(), day).ifPresent(h -> {
                if (hqs.stream().noneMatch(x -> x.object().equals(h.object()))) {
                    hqs.add(h);
                }
            });
        }
        if (hqs.size() < 3) {
            return;
        }
        List<String> counts = List.of("Only one pair", "Only two pairs", "All three pairs", "None of the pairs");
        int[] meaning = {1, 2, 3, 0};
        // variants: the group's own pair and two others; none, two (swapped) or one (another city) wrong
        int n = hqs.size();
        for (int variant = 0; variant < Math.min(6, 2 * (n - 1)); variant++) {
            int first = 1 + variant % (n - 1);
            int second = 1 + (variant + 1) % (n - 1);
            if (first == second) {
                continue;
            }
            List<StoredFact> three = List.of(hqs.get(0), hqs.get(first), hqs.get(second));
            List<Entity> cities =
                    new ArrayList<>(three.stream().map(StoredFact::object).toList());
            if (variant % 3 == 1) {
                java.util.Collections.swap(cities, 1, 2);
            } else if (variant % 3 == 2) {
                Optional<Entity> elsewhere = hqs.stream()
                        .map(StoredFact::object)
                        .filter(c -> !cities.contains(c))
                        .findFirst();
                if (elsewhere.isEmpty()) {
                    continue;
                }
                cities.set(2, elsewhere.get());
            }
            List<List<String>> rows = new ArrayList<>();
            List<Claim> parts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                StoredFact h = three.get(i);
                rows.add(List.of(
                        capital(FactText.called(h.subject())), cities.get(i).name()));
                parts.add(Claim.headquarters(h.subject().id(), cities.get(i).id(), day));
            }
            List<Claim> claims = new ArrayList<>();
            for (int m : meaning) {
                claims.add(Claim.count(parts, m));
            }
            long right = parts.stream().filter(p -> p.eval(facts) == Truth.TRUE).count();
            int key = right == 0 ? 3 : (int) right - 1;
            String why = three.stream()
                            .map(h -> "The headquarters of " + FactText.brief(h.subject()) + " are in "
                                    + h.object().name() + ".")
                            .reduce((a, b) -> a + " " + b)
                            .orElse("")
                    + " So "
                    + List.of("none of the pairs is", "only one pair is", "only two pairs are", "all three pairs are")
                            .get((int) right)
                    + " correctly matched.";
            proven(
                            Template.MATCH_PAIRS,
                            g,
                            day,
                            "Consider the following pairs:",
                            List.of(),
                            new Question.Pairs(List.of("Organisation", "Headquarters"), rows),
                            counts,
                            claims,
                            key,
                            why,
                            List.copyOf(three),
                            "How many of the pairs given above are correctly matched?")
                    .ifPresent(out::add);
        }
    }

    // ---- making and proving a question

    /** A claim about one option entity on a day (null for a timeless question). */
    private interface OptionClaim {
        Claim of(Entity option, LocalDate day);
    }

    /** A one-answer question whose options are entities: the key placed among the others by a stable hash. */
    private Optional<Generated> choice(
            Template template,
            Entity g,
            LocalDate day,
            String stem,
            List<Entity> others,
            Entity key,
            OptionClaim claim,
            Function<Entity, String> explain,
            List<StoredFact> extra) {
        List<Entity> options = new ArrayList<>(others);
        int at = position(options, key);
        options.add(at, key);
        List<StoredFact> used = new ArrayList<>();
        List<Entity> keyFirst = new ArrayList<>(List.of(key));
        keyFirst.addAll(others);
        for (Entity o : keyFirst) {
            used.addAll(facts.memberships(o.id(), g.id()));
            facts.predecessor(g.id()).ifPresent(p -> used.addAll(facts.memberships(o.id(), p.id())));
        }
        used.addAll(extra);
        if (day == null) {
            List<Claim> claims = options.stream().map(o -> claim.of(o, null)).toList();
            return proven(
                    template,
                    g,
                    null,
                    stem,
                    List.of(),
                    null,
                    options.stream().map(Entity::name).toList(),
                    claims,
                    at,
                    explain.apply(key),
                    used);
        }
        return datedChoice(template, g, day, stem, options, at, claim, explain.apply(key), used);
    }

    private Optional<Generated> datedChoice(
            Template template,
            Entity g,
            LocalDate day,
            String stem,
            List<Entity> options,
            int at,
            OptionClaim claim,
            String why,
            List<StoredFact> used) {
        List<Claim> claims = options.stream().map(o -> claim.of(o, day)).toList();
        return proven(
                        template,
                        g,
                        day,
                        capital(stem),
                        List.of(),
                        null,
                        options.stream().map(Entity::name).toList(),
                        claims,
                        at,
                        why,
                        used)
                .map(q -> {
                    boolean wholeMonth = true;
                    YearMonth month = YearMonth.from(day);
                    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                        LocalDate on = d;
                        List<Claim> then =
                                options.stream().map(o -> claim.of(o, on)).toList();
                        if (Claim.verdict(then, List.of(at), facts) != Claim.Verdict.HOLDS) {
                            wholeMonth = false;
                            break;
                        }
                    }
                    String dated = "As of " + (wholeMonth ? FactText.month(day) : FactText.day(day)) + ", " + stem;
                    return new Generated(
                            new Question(
                                    dated,
                                    q.question().options(),
                                    q.question().answer(),
                                    q.question().explanation()),
                            template,
                            g,
                            day,
                            claims,
                            q.facts());
                });
    }

    private Optional<Generated> proven(
            Template template,
            Entity g,
            LocalDate day,
            String stem,
            List<Question.Statement> statements,
            Question.Pairs pairs,
            List<String> optionTexts,
            List<Claim> claims,
            int key,
            String why,
            List<StoredFact> used) {
        return proven(template, g, day, stem, statements, pairs, optionTexts, claims, key, why, used, null);
    }

    /**
     * The question, if the facts prove its key: exactly the keyed option true, every other false.
     * A statement or pairs question's {@code closing} follows its list, dated when {@code day} is set.
     */
    private Optional<Generated> proven(
            Template template,
            Entity g,
            LocalDate day,
            String lead,
            List<Question.Statement> statements,
            Question.Pairs pairs,
            List<String> optionTexts,
            List<Claim> claims,
            int key,
            String why,
            List<StoredFact> used,
            String closing) {
        if (optionTexts.size() != LABELS.size() || Claim.verdict(claims, List.of(key), facts) != Claim.Verdict.HOLDS) {
            return Optional.empty();
        }
        List<Question.Option> options = new ArrayList<>();
        for (int i = 0; i < optionTexts.size(); i++) {
            options.add(new Question.Option(LABELS.get(i), optionTexts.get(i)));
        }
        List<StoredFact> distinct = used.stream().distinct().toList();
        String explanation = why + (FactText.cite(distinct).isEmpty() ? "" : " " + FactText.cite(distinct));
        String stem = lead;
        if (closing != null) {
            stem = lead + "\n\n"
                    + (day != null ? "As of " + FactText.day(day) + ", " + lower(closing) : capital(closing));
        }
        return Optional.of(new Generated(
                new Question(stem, statements, pairs, options, List.of(LABELS.get(key)), explanation),
                template,
                g,
                day,
                claims,
                distinct));
    }

    // ---- choosing plausible distractors

    /**
     * Countries surely not members of {@code g} on {@code day}, most plausible first: former members
     * (of it or of what it succeeded), then its observers and partners, then members of its sibling
     * groupings (those sharing most members with it).
     */
    private List<Entity> outsiders(Entity g, LocalDate day) {
        Set<Entity> ranked = new LinkedHashSet<>();
        List<Entity> near = new ArrayList<>(facts.candidates(g.id()));
        facts.predecessor(g.id()).ifPresent(p -> near.addAll(facts.candidates(p.id())));
        // those that left it first, then those that left what it succeeded, then the rest
        near.sort(Comparator.comparing((Entity c) -> facts.formerMember(c.id(), g.id(), day) != Truth.TRUE)
                .thenComparing(c -> facts.memberships(c.id(), g.id()).isEmpty())
                .thenComparing(Entity::name));
        ranked.addAll(near);
        for (Entity s : siblings(g, day)) {
            facts.members(s.id(), day).stream()
                    .sorted(Comparator.comparing(Entity::name))
                    .forEach(ranked::add);
        }
        List<Entity> out = new ArrayList<>();
        for (Entity c : ranked) {
            if (c.kind().equals("country") && facts.member(c.id(), g.id(), day) == Truth.FALSE) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The members of {@code g} on {@code day}, those in plain standing (member, founding member) first:
     * a frozen participation is a fair trap, but not the first one to set.
     */
    private List<Entity> settled(Entity g, LocalDate day) {
        return facts.members(g.id(), day).stream()
                .sorted(Comparator.comparing((Entity m) -> facts.memberships(m.id(), g.id()).stream()
                                .noneMatch(f -> f.holdsOn(day) == StoredFact.Holds.YES
                                        && (f.status() == FactStatus.MEMBER
                                                || f.status() == FactStatus.FOUNDING_MEMBER)))
                        .thenComparing(Entity::name))
                .toList();
    }

    /** Countries near {@code g} on {@code day}: its members at any time, then members of its siblings. */
    private List<Entity> candidatesAround(Entity g, LocalDate day) {
        Set<Entity> out = new LinkedHashSet<>(byName(everMembers(g.id())));
        facts.predecessor(g.id()).ifPresent(p -> out.addAll(byName(everMembers(p.id()))));
        for (Entity s : siblings(g, day)) {
            out.addAll(byName(everMembers(s.id())));
        }
        return out.stream().filter(c -> c.kind().equals("country")).toList();
    }

    /** Those that were ever members of {@code group} (observers and partners are not). */
    private List<Entity> everMembers(long group) {
        return facts.candidates(group).stream()
                .filter(c -> facts.memberships(c.id(), group).stream().anyMatch(f -> f.status().countsAsMembership))
                .toList();
    }

    private static List<Entity> byName(List<Entity> entities) {
        return entities.stream().sorted(Comparator.comparing(Entity::name)).toList();
    }

    /** Groupings sharing at least two members with {@code g} on {@code day}, most shared first. */
    private List<Entity> siblings(Entity g, LocalDate day) {
        Map<Entity, Integer> shared = new LinkedHashMap<>();
        for (Entity m : facts.members(g.id(), day)) {
            for (Entity other : facts.groupingsOf(m.id(), day)) {
                if (!other.equals(g) && GROUPINGS.contains(other.kind())) {
                    shared.merge(other, 1, Integer::sum);
                }
            }
        }
        return shared.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<Entity, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().slug()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Siblings first, then every other grouping, by slug. */
    private List<Entity> siblingsThenOthers(Entity g, LocalDate day) {
        Set<Entity> out = new LinkedHashSet<>(siblings(g, day));
        facts.entities().stream()
                .filter(e -> GROUPINGS.contains(e.kind()) && !e.equals(g))
                .sorted(Comparator.comparing(Entity::slug))
                .forEach(out::add);
        out.remove(g);
        return List.copyOf(out);
    }

    // ---- wording

    /** {@code subject}'s record in {@code g} (and what it succeeded): "Uzbekistan: founding member from …". */
    private String history(Entity subject, Entity g) {
        List<String> parts = new ArrayList<>();
        facts.predecessor(g.id()).ifPresent(p -> {
            for (StoredFact f : facts.memberships(subject.id(), p.id())) {
                parts.add(FactText.standingIn(f, p));
            }
        });
        for (StoredFact f : facts.memberships(subject.id(), g.id())) {
            parts.add(FactText.standingIn(f, g));
        }
        return subject.name() + ": "
                + (parts.isEmpty() ? "never a member of " + FactText.brief(g) : String.join("; ", parts));
    }

    private String missing(Entity grouping, List<Entity> countries, LocalDate day) {
        List<String> not = new ArrayList<>();
        for (Entity c : countries) {
            if (facts.member(c.id(), grouping.id(), day) == Truth.FALSE) {
                not.add(c.name());
            }
        }
        return capital(FactText.brief(grouping)) + " did not include " + FactText.either(not) + ".";
    }

    private List<StoredFact> supporting(Claim c) {
        List<StoredFact> out = new ArrayList<>();
        if (c.subject() != 0 && c.group() != 0) {
            out.addAll(facts.memberships(c.subject(), c.group()));
        }
        if (c.kind().equals("headquarters")) {
            facts.headquarters(c.group(), c.day()).ifPresent(out::add);
        }
        return out;
    }

    private static String names(List<Entity> entities) {
        return FactText.list(entities.stream().map(Entity::name).toList());
    }

    private static List<Question.Statement> numbered(List<String> texts) {
        List<Question.Statement> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new Question.Statement(String.valueOf(i + 1), texts.get(i)));
        }
        return out;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Where the key goes among the other options: stable for the same options, spread over A–D. */
    private static int position(List<Entity> others, Entity key) {
        int h = key.slug().hashCode();
        for (Entity o : others) {
            h = 31 * h + o.slug().hashCode();
        }
        return Math.floorMod(h, others.size() + 1);
    }

    /** The most plausible choices a template draws its options from: every three of them are tried. */
    private static final int POOL = 9;

    /** Every three of the first {@value #POOL} of {@code all}, in order. */
    static <T> List<List<T>> triples(List<T> all) {
        List<T> items = all.subList(0, Math.min(POOL, all.size()));
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                for (int k = j + 1; k < items.size(); k++) {
                    out.add(List.of(items.get(i), items.get(j), items.get(k)));
                }
            }
        }
        return out;
    }
}
