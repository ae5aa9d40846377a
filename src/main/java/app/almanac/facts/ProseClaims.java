package app.almanac.facts;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Best effort, and flagged as such: sentences of an article that state a dated event about an
 * organisation and a country — a country joining or leaving it, a deployment to it — compared with
 * what the facts record for the two. A sentence is listed "to check" only on a clear disagreement:
 * the facts record the country's membership and it began (or ended) in another year, or record for
 * that year a deployment declined and none made. Anything less clear is left alone. Years are
 * compared, so a fact contested only on its day still speaks for its year. Pure.
 */
final class ProseClaims {

    /** A sentence to check, what the facts record instead, and those facts. */
    record ToCheck(String sentence, Entity group, Entity country, String detail, List<StoredFact> facts) {}

    private enum Kind {
        JOINED,
        LEFT,
        DEPLOYED
    }

    private static final Pattern YEAR = Pattern.compile("\\b(19\\d\\d|20\\d\\d)\\b");
    private static final Pattern JOINED =
            Pattern.compile("(?i)\\b(joined|became a (full )?member|admitted|acceded|accession)\\b");
    private static final Pattern LEFT =
            Pattern.compile("(?i)\\b(left|withdrew|withdrawn|exited|quit|pulled out|suspended)\\b");
    private static final Pattern DEPLOYED = Pattern.compile(
            "(?i)\\b(deployed|deployment|sent (troops|forces|peacekeepers)|peacekeeping (force|mission)|send (troops|peacekeepers))\\b");
    private static final Pattern DECLINED =
            Pattern.compile("(?i)\\b(declined|refused|rejected|did not|not to|would not|no peacekeepers)\\b");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

    private final FactBase facts;
    private final EntityLinker linker;

    ProseClaims(FactBase facts, EntityLinker linker) {
        this.facts = facts;
        this.linker = linker;
    }

    List<ToCheck> check(ArticleContent content) {
        String context = ContentFacts.text(content);
        List<ToCheck> out = new ArrayList<>();
        for (String sentence : sentences(content)) {
            claim(sentence, context).ifPresent(out::add);
        }
        return out;
    }

    private static List<String> sentences(ArticleContent c) {
        List<String> out = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (c.context() != null) {
            texts.add(c.context());
        }
        for (Section s : c.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    texts.add(p.text());
                } else if (b instanceof Block.BulletList l) {
                    texts.addAll(l.items());
                } else if (b instanceof Block.FactTable t) {
                    t.rows().forEach(r -> r.stream().skip(1).forEach(texts::addAll));
                }
            }
        }
        for (String t : texts) {
            for (String s : SENTENCE.split(t)) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private Optional<ToCheck> claim(String sentence, String context) {
        Matcher year = YEAR.matcher(sentence);
        if (!year.find()) {
            return Optional.empty();
        }
        int y = Integer.parseInt(year.group(1));
        if (year.find()) {
            return Optional.empty(); // two years: which is the event's is not clear
        }
        Entity group = null;
        Entity country = null;
        for (EntityLinker.Mention m : linker.mentions(sentence, context)) {
            Entity e = linker.entity(m.entity());
            if (e.kind().equals("country")) {
                if (country != null && !country.equals(e)) {
                    return Optional.empty();
                }
                country = e;
            } else if (group == null) {
                group = e;
            } else if (!group.equals(e)) {
                return Optional.empty();
            }
        }
        if (group == null || country == null) {
            return Optional.empty();
        }
        Kind kind = DEPLOYED.matcher(sentence).find()
                ? Kind.DEPLOYED
                : LEFT.matcher(sentence).find()
                        ? Kind.LEFT
                        : JOINED.matcher(sentence).find() ? Kind.JOINED : null;
        if (kind == null || DECLINED.matcher(sentence).find()) {
            return Optional.empty();
        }
        return switch (kind) {
            case JOINED -> membership(sentence, group, country, y, true);
            case LEFT -> membership(sentence, group, country, y, false);
            case DEPLOYED -> deployment(sentence, group, country, y);
        };
    }

    /** A joining or leaving, against the membership facts of the two (and of what the group succeeded). */
    private Optional<ToCheck> membership(String sentence, Entity g, Entity c, int year, boolean joined) {
        List<StoredFact> records = new ArrayList<>(facts.memberships(c.id(), g.id()));
        facts.predecessor(g.id()).ifPresent(p -> records.addAll(facts.memberships(c.id(), p.id())));
        if (records.isEmpty()) {
            return Optional.empty();
        }
        List<String> recorded = new ArrayList<>();
        for (StoredFact f : records) {
            Period when = joined ? f.from() : f.status().countsAsMembership ? f.to() : f.from();
            if (when == null || (joined && !f.status().countsAsMembership)) {
                continue;
            }
            if (!joined
                    && !f.status().countsAsMembership
                    && !Set.of(FactStatus.SUSPENDED, FactStatus.WITHDRAWN).contains(f.status())) {
                continue;
            }
            if (when.earliest().getYear() <= year
                    && year <= when.latest().minusDays(1).getYear()) {
                return Optional.empty(); // the facts agree
            }
            recorded.add(FactText.standingIn(f, f.object()));
        }
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ToCheck(
                sentence,
                g,
                c,
                "The sentence dates " + c.name() + (joined ? " joining " : " leaving ") + FactText.brief(g) + " to "
                        + year + "; the facts record " + c.name() + " as " + FactText.list(recorded) + ".",
                records));
    }

    /** A deployment, against the group's recorded events about the country. */
    private Optional<ToCheck> deployment(String sentence, Entity g, Entity c, int year) {
        List<StoredFact> events = facts.aboutSubject(g.id(), Set.of("event")).stream()
                .filter(f -> f.object() != null && f.object().equals(c) && f.from() != null && f.value() != null)
                .toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        // a year's events decide it: one recording a deployment agrees; only refusals disagree
        List<StoredFact> that = events.stream()
                .filter(f -> f.from().earliest().getYear() == year)
                .toList();
        boolean deployed = that.stream()
                .anyMatch(f -> DEPLOYED.matcher(f.value()).find()
                        && !DECLINED.matcher(f.value()).find());
        boolean declined =
                that.stream().anyMatch(f -> DECLINED.matcher(f.value()).find());
        if (deployed || !declined) {
            return Optional.empty();
        }
        List<StoredFact> cited = that;
        String recorded = cited.stream()
                .map(f -> f.value() + " (" + FactText.period(f.from()) + ")")
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        return Optional.of(new ToCheck(
                sentence,
                g,
                c,
                "The sentence states a deployment of " + FactText.brief(g) + " to " + c.name() + " in " + year
                        + "; the facts record: " + recorded + ".",
                cited));
    }
}
