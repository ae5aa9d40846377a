package app.almanac.facts;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a facts data file (JSON; the format is in the README) into entities and facts, or the
 * reasons it is refused, each with the file and line: an unknown entity, an impossible or reversed
 * date, two overlapping intervals of the same membership, a fact without a source. Pure: stores
 * nothing; a file with any error yields nothing.
 */
public final class FactFile {

    /** Predicates whose facts are memberships (one interval at a time per subject and object). */
    static final Set<String> MEMBERSHIPS =
            Set.of("member-of", "founding-member-of", "observer-in", "partner-of", "dialogue-partner-of");

    static final Set<String> PREDICATES = Set.of(
            "member-of",
            "founding-member-of",
            "observer-in",
            "partner-of",
            "dialogue-partner-of",
            "headquarters",
            "founded",
            "chair-of",
            "succeeds",
            "event");

    static final Set<String> KINDS = Set.of("organisation", "grouping", "treaty", "body", "country", "city", "person");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** An entity as a file declares it. */
    public record Entity(
            String slug, String name, String kind, List<String> abbreviations, List<String> aliases, String hindi) {}

    /** A source: a page read, or an Almanac analysis. */
    public record Source(String url, String title, LocalDate retrieved, Long articleId) {}

    /** A fact as a file states it, with the line it starts on. */
    public record Fact(
            int line,
            String subject,
            String predicate,
            String object,
            String value,
            FactStatus status,
            Period from,
            Period to,
            boolean contested,
            String note,
            String rank,
            List<Source> sources) {

        /** What identifies the fact across loads: a reload updates it rather than adding another. */
        String naturalKey() {
            return String.join(
                    "|",
                    subject,
                    predicate,
                    object == null ? "" : object,
                    value == null ? "" : value,
                    from == null ? "" : from.text(),
                    status == null ? "" : status.code());
        }
    }

    /** A problem, where it is. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** A statement that the member list of {@code entity} is complete over [from, to). */
    public record Completeness(String entity, Period from, Period to, String note) {}

    /** What a file holds, or why it is refused. */
    public record Parsed(
            String file,
            LocalDate currentTo,
            List<Entity> entities,
            List<Fact> facts,
            List<Completeness> complete,
            List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private FactFile() {}

    /**
     * Reads {@code bytes} from {@code file}; entities not declared in it must be among {@code known}
     * (slugs already stored).
     */
    public static Parsed read(String file, byte[] bytes, Set<String> known) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return refused(file, new Problem(file, line, "is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return refused(file, new Problem(file, 1, "expected a JSON object with \"entities\" and \"facts\""));
        }
        List<Integer> entityLines = lines(text, "entities");
        List<Integer> factLines = lines(text, "facts");
        LocalDate currentTo = null;
        if (root.hasNonNull("currentTo")) {
            try {
                currentTo = LocalDate.parse(root.get("currentTo").asString());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(file, 1, "\"currentTo\" must be a day such as 2026-11-30"));
            }
        }
        List<Entity> entities = new ArrayList<>();
        Set<String> slugs = new HashSet<>(known);
        JsonNode es = root.path("entities");
        for (int i = 0; i < es.size(); i++) {
            JsonNode e = es.get(i);
            int line = i < entityLines.size() ? entityLines.get(i) : 0;
            String slug = text(e, "slug");
            String name = text(e, "name");
            String kind = text(e, "kind");
            if (slug == null || !SLUG.matcher(slug).matches() || slug.length() > 120) {
                problems.add(new Problem(
                        file,
                        line,
                        "an entity needs a slug of lower-case letters, digits and '-', not '" + slug + "'"));
                continue;
            }
            if (name == null || name.isBlank() || name.length() > 300) {
                problems.add(new Problem(file, line, "entity '" + slug + "' needs a name of 1 to 300 characters"));
                continue;
            }
            if (kind == null || !KINDS.contains(kind)) {
                problems.add(new Problem(
                        file,
                        line,
                        "entity '" + slug + "': the kind must be one of " + KINDS + ", not '" + kind + "'"));
                continue;
            }
            slugs.add(slug);
            entities.add(new Entity(
                    slug, name.strip(), kind, strings(e, "abbreviations"), strings(e, "aliases"), text(e, "hindi")));
        }
        List<Fact> facts = new ArrayList<>();
        JsonNode fs = root.path("facts");
        for (int i = 0; i < fs.size(); i++) {
            int line = i < factLines.size() ? factLines.get(i) : 0;
            try {
                facts.add(fact(fs.get(i), line, slugs));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, line, e.getMessage()));
            }
        }
        problems.addAll(overlaps(file, facts));
        List<Completeness> complete = new ArrayList<>();
        for (JsonNode c : root.path("complete")) {
            String entity = text(c, "entity");
            try {
                if (entity == null || !slugs.contains(entity)) {
                    throw new IllegalArgumentException("completeness of an unknown entity '" + entity + "'");
                }
                complete.add(new Completeness(
                        entity,
                        c.hasNonNull("from") ? Period.parse(c.get("from").asString()) : null,
                        c.hasNonNull("to") ? Period.parse(c.get("to").asString()) : null,
                        text(c, "note")));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, 1, e.getMessage()));
            }
        }
        return problems.isEmpty()
                ? new Parsed(
                        file, currentTo, List.copyOf(entities), List.copyOf(facts), List.copyOf(complete), List.of())
                : new Parsed(file, currentTo, List.of(), List.of(), List.of(), List.copyOf(problems));
    }

    private static Fact fact(JsonNode f, int line, Set<String> slugs) {
        String subject = text(f, "subject");
        String predicate = text(f, "predicate");
        String object = text(f, "object");
        if (subject == null || !slugs.contains(subject)) {
            throw new IllegalArgumentException(
                    "the subject '" + subject + "' is not an entity of this file or of Almanac");
        }
        if (predicate == null || !PREDICATES.contains(predicate)) {
            throw new IllegalArgumentException(
                    "the predicate must be one of " + PREDICATES + ", not '" + predicate + "'");
        }
        if (object != null && !slugs.contains(object)) {
            throw new IllegalArgumentException(
                    "the object '" + object + "' is not an entity of this file or of Almanac");
        }
        boolean membership = MEMBERSHIPS.contains(predicate);
        if ((membership || predicate.equals("headquarters") || predicate.equals("succeeds")) && object == null) {
            throw new IllegalArgumentException("a '" + predicate + "' fact needs an object");
        }
        FactStatus status = FactStatus.parse(text(f, "status"));
        if (membership && status == null) {
            throw new IllegalArgumentException(
                    "a membership needs a status such as member, founding-member, observer, suspended or participation-frozen, not '"
                            + text(f, "status") + "'");
        }
        Period from = f.hasNonNull("from") ? Period.parse(f.get("from").asString()) : null;
        Period to = f.hasNonNull("to") ? Period.parse(f.get("to").asString()) : null;
        if (from != null && to != null && !to.latest().isAfter(from.earliest())) {
            throw new IllegalArgumentException(
                    "the interval ends (" + to.text() + ") before it begins (" + from.text() + ")");
        }
        List<Source> sources = new ArrayList<>();
        for (JsonNode s : f.path("sources")) {
            String url = text(s, "url");
            Long article = s.hasNonNull("article") ? s.get("article").asLong() : null;
            if ((url == null || !url.matches("https?://\\S+")) && article == null) {
                throw new IllegalArgumentException("a source needs an http(s) URL or an Almanac article");
            }
            LocalDate retrieved = null;
            if (s.hasNonNull("retrieved")) {
                retrieved = Period.parse(s.get("retrieved").asString()).earliest();
            }
            sources.add(new Source(url, text(s, "title"), retrieved, article));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(
                    "every fact needs at least one source (\"sources\": [{\"url\", \"title\", \"retrieved\"}])");
        }
        for (Source s : sources) {
            longest(s.url(), 2000, "a source's URL");
            longest(s.title(), 500, "a source's title");
        }
        longest(text(f, "value"), 1000, "the value");
        longest(text(f, "note"), 2000, "the note");
        String rank = f.hasNonNull("rank") ? f.get("rank").asString() : "normal";
        if (!Set.of("normal", "preferred", "deprecated").contains(rank)) {
            throw new IllegalArgumentException("the rank must be normal, preferred or deprecated, not '" + rank + "'");
        }
        return new Fact(
                line,
                subject,
                predicate,
                object,
                text(f, "value"),
                status,
                from,
                to,
                f.path("contested").asBoolean(false),
                text(f, "note"),
                rank,
                List.copyOf(sources));
    }

    /**
     * One fact in the data-file format (from an editor's form, or the state a change restores),
     * checked exactly as a file's fact is; the message of the exception says what is wrong.
     */
    static Fact one(Map<String, Object> fact, Set<String> known) {
        return fact(MAPPER.valueToTree(fact), 0, known);
    }

    /** The data-file form of a fact: what {@link #one} and {@link #read} read back. */
    static Map<String, Object> map(Fact f) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("subject", f.subject());
        m.put("predicate", f.predicate());
        m.put("object", f.object());
        m.put("value", f.value());
        m.put("status", f.status() == null ? null : f.status().code());
        m.put("from", f.from() == null ? null : f.from().text());
        m.put("to", f.to() == null ? null : f.to().text());
        m.put("rank", f.rank());
        m.put("contested", f.contested());
        m.put("note", f.note());
        m.put("sources", FactsJson.sources(f.sources()));
        return m;
    }

    /** The same map as JSON text, as a change records it. */
    static String json(Fact f) {
        return MAPPER.writeValueAsString(map(f));
    }

    /** A fact from the JSON text {@link #json} wrote. */
    static Map<String, Object> parseJson(String json) {
        return MAPPER.readValue(json, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
    }

    /** Whether two facts are intervals of the same membership (subject in object) that overlap. */
    static boolean overlap(Fact a, Fact b) {
        return MEMBERSHIPS.contains(a.predicate())
                && MEMBERSHIPS.contains(b.predicate())
                && !"deprecated".equals(a.rank())
                && !"deprecated".equals(b.rank())
                && a.subject().equals(b.subject())
                && java.util.Objects.equals(a.object(), b.object())
                && start(a).isBefore(end(b))
                && start(b).isBefore(end(a));
    }

    private static LocalDate start(Fact f) {
        return f.from() == null ? LocalDate.MIN : f.from().earliest();
    }

    private static LocalDate end(Fact f) {
        return f.to() == null ? LocalDate.MAX : f.to().earliest();
    }

    private static void longest(String text, int most, String what) {
        if (text != null && text.length() > most) {
            throw new IllegalArgumentException(what + " is longer than " + most + " characters");
        }
    }

    /** Two intervals of one membership (subject, object) that overlap are refused: one holds at a time. */
    private static List<Problem> overlaps(String file, List<Fact> facts) {
        Map<String, List<Fact>> byPair = new HashMap<>();
        for (Fact f : facts) {
            if (MEMBERSHIPS.contains(f.predicate()) && !"deprecated".equals(f.rank())) {
                byPair.computeIfAbsent(f.subject() + " " + f.object(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (List<Fact> pair : byPair.values()) {
            pair.sort(Comparator.comparing(FactFile::start));
            for (int i = 1; i < pair.size(); i++) {
                Fact before = pair.get(i - 1);
                Fact after = pair.get(i);
                if (overlap(before, after)) {
                    problems.add(new Problem(
                            file,
                            after.line(),
                            after.subject() + " in " + after.object() + ": this interval (from " + text(after.from())
                                    + ") overlaps the one on line " + before.line() + " (to " + text(before.to())
                                    + "); end one where the next begins"));
                }
            }
        }
        return problems;
    }

    private static String text(Period p) {
        return p == null ? "always" : p.text();
    }

    /** The line each element of the top-level array {@code field} starts on. */
    private static List<Integer> lines(String text, String field) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            int depth = 0;
            boolean inside = false;
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (inside && depth == 2 && token == JsonToken.START_OBJECT) {
                        lines.add((int) p.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1) {
                        inside = false;
                    }
                } else if (token == JsonToken.PROPERTY_NAME && depth == 1) {
                    inside = field.equals(p.currentName());
                }
            }
        } catch (JacksonException e) {
            // parsed once already: only line numbers are lost
        }
        return lines;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(v.asString()));
        return List.copyOf(out);
    }

    private static Parsed refused(String file, Problem problem) {
        return new Parsed(file, null, List.of(), List.of(), List.of(), List.of(problem));
    }
}
