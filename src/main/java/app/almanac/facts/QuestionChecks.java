package app.almanac.facts;

import app.almanac.article.Question;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a hand-written question whose options name entities of the facts ("Which of the following
 * is NOT a current member of the CSTO?" with four countries) as claims, one per option, so that its
 * key can be checked against the facts as of its article's date, like a generated question's. A
 * question of another shape, or whose options are not all entities Almanac knows, is not checked.
 * Pure.
 */
final class QuestionChecks {

    /** A question read as claims: what each option asserts, and the keyed options' indexes. */
    record Checked(String template, Entity entity, LocalDate day, List<Claim> claims, List<Integer> key) {}

    private static final Pattern NOT = Pattern.compile("\\b(not|never)\\b");

    private final FactBase facts;
    private final EntityLinker linker;

    QuestionChecks(FactBase facts, EntityLinker linker) {
        this.facts = facts;
        this.linker = linker;
    }

    Optional<Checked> read(Question q, LocalDate day) {
        return read(q, day, "");
    }

    /** The question read as claims as of {@code day}, names supported by {@code context} (its article's text). */
    Optional<Checked> read(Question q, LocalDate day, String context) {
        if (q.options().size() < 2
                || q.answer().isEmpty()
                || !q.statements().isEmpty()
                || q.pairs() != null
                || day == null) {
            return Optional.empty();
        }
        String stem = q.stem().toLowerCase(Locale.ROOT);
        StringBuilder own = new StringBuilder(context).append('\n').append(q.stem());
        q.options().forEach(o -> own.append('\n').append(o.text()));
        Optional<Entity> group = linker.mentions(q.stem(), own.toString()).stream()
                .map(m -> linker.entity(m.entity()))
                .filter(e -> !e.kind().equals("country"))
                .findFirst();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        Entity g = group.get();
        boolean negated = NOT.matcher(stem).find();
        String template;
        List<Claim> claims = new ArrayList<>();
        if (stem.contains("headquarter")) {
            template = "headquarters";
            for (Question.Option o : q.options()) {
                Optional<Entity> city = city(o.text());
                if (city.isEmpty()) {
                    return Optional.empty();
                }
                claims.add(Claim.headquarters(g.id(), city.get().id(), day));
            }
        } else if (stem.contains("member") || stem.contains("founder")) {
            boolean founding = stem.contains("founding") || stem.contains("founder");
            template = (negated ? "not-" : "") + (founding ? "founding-member" : "member");
            for (Question.Option o : q.options()) {
                List<EntityLinker.Mention> named = linker.mentions(o.text());
                if (named.size() != 1) {
                    return Optional.empty();
                }
                long subject = named.get(0).entity();
                Claim c = founding ? Claim.foundingMember(subject, g.id()) : Claim.member(subject, g.id(), day);
                claims.add(negated ? Claim.not(c) : c);
            }
        } else {
            return Optional.empty();
        }
        List<Integer> key = new ArrayList<>();
        for (String label : q.answer()) {
            for (int i = 0; i < q.options().size(); i++) {
                if (q.options().get(i).label().equalsIgnoreCase(label)) {
                    key.add(i);
                }
            }
        }
        return Optional.of(new Checked(template, g, day, claims, key));
    }

    private Optional<Entity> city(String text) {
        String t = text.strip().replaceAll("[.,;]+$", "").toLowerCase(Locale.ROOT);
        return facts.entities().stream()
                .filter(e -> e.kind().equals("city"))
                .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(t)
                        || e.aliases().stream()
                                .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(t)))
                .findFirst();
    }
}
