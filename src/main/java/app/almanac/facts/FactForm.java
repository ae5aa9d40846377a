package app.almanac.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's form for one fact, as typed: the fields of the data-file format, with the sources one
 * per line as {@code URL | title | retrieved} (or {@code article:ID | title} for an Almanac
 * analysis); an unticked box sends nothing, so {@code contested} may be null. {@link #toFact} turns it into the data-file form that {@link FactFile} checks.
 */
public record FactForm(
        String subject,
        String predicate,
        String object,
        String value,
        String status,
        String from,
        String to,
        String rank,
        Boolean contested,
        String note,
        String sources,
        Long startedFrom) {

    /** A blank form for a fact about {@code entity}: a membership in it, or a fact of a country. */
    static FactForm blank(Entity entity) {
        boolean country = entity.kind().equals("country");
        return new FactForm(
                country ? entity.slug() : "",
                "member-of",
                country ? "" : entity.slug(),
                "",
                "member",
                "",
                "",
                "normal",
                false,
                "",
                "",
                null);
    }

    /** The form showing a stored fact, and the change an edit of it starts from. */
    static FactForm of(StoredFact f, Long latestChange) {
        StringBuilder sources = new StringBuilder();
        for (FactFile.Source s : f.sources()) {
            sources.append(s.url() != null ? s.url() : "article:" + s.articleId());
            sources.append(" | ").append(s.title() == null ? "" : s.title());
            if (s.retrieved() != null) {
                sources.append(" | ").append(s.retrieved());
            }
            sources.append('\n');
        }
        return new FactForm(
                f.subject().slug(),
                f.predicate(),
                f.object() == null ? "" : f.object().slug(),
                f.value() == null ? "" : f.value(),
                f.status() == null ? "" : f.status().code(),
                f.from() == null ? "" : f.from().text(),
                f.to() == null ? "" : f.to().text(),
                f.rank(),
                f.contested(),
                f.note() == null ? "" : f.note(),
                sources.toString(),
                latestChange);
    }

    /** The data-file form of what was typed; {@code slug} turns a typed name into its entity's slug. */
    Map<String, Object> toFact(java.util.function.UnaryOperator<String> slug) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", blank(subject) ? null : slug.apply(subject.strip()));
        m.put("predicate", blank(predicate) ? null : predicate.strip());
        m.put("object", blank(object) ? null : slug.apply(object.strip()));
        m.put("value", blank(value) ? null : value.strip());
        m.put("status", blank(status) ? null : status.strip());
        m.put("from", blank(from) ? null : from.strip());
        m.put("to", blank(to) ? null : to.strip());
        m.put("rank", blank(rank) ? "normal" : rank.strip());
        m.put("contested", Boolean.TRUE.equals(contested));
        m.put("note", blank(note) ? null : note.strip());
        List<Map<String, Object>> list = new ArrayList<>();
        for (String line : (sources == null ? "" : sources).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            Map<String, Object> s = new LinkedHashMap<>();
            String where = parts[0].strip();
            if (where.startsWith("article:")) {
                String id = where.substring("article:".length()).strip();
                s.put("article", id.matches("\\d{1,18}") ? Long.parseLong(id) : null);
            } else {
                s.put("url", where);
            }
            if (parts.length > 1 && !parts[1].isBlank()) {
                s.put("title", parts[1].strip());
            }
            if (parts.length > 2 && !parts[2].isBlank()) {
                s.put("retrieved", parts[2].strip());
            }
            list.add(s);
        }
        m.put("sources", list);
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
