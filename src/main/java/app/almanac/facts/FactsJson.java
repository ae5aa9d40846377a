package app.almanac.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the facts API and CLI (one definition, so both print the same). */
public final class FactsJson {

    private FactsJson() {}

    static Map<String, Object> entity(Entity e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", e.name());
        out.put("slug", e.slug());
        if (e.abbreviation() != null) {
            out.put("abbreviation", e.abbreviation());
        }
        return out;
    }

    public static Map<String, Object> members(FactsService.Members m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entity", entity(m.entity()));
        out.put("asOf", m.asOf().toString());
        out.put("complete", m.complete());
        out.put("members", standings(m.members(), false));
        out.put("others", standings(m.others(), false));
        return out;
    }

    static List<Map<String, Object>> standings(List<FactsService.Standing> standings, boolean abbreviation) {
        return standings.stream()
                .map(s -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("name", s.entity().name());
                    if (abbreviation) {
                        out.put("abbreviation", s.entity().abbreviation());
                    }
                    out.put("slug", s.entity().slug());
                    out.put("status", s.status());
                    if ("unconfirmed".equals(s.status())) {
                        out.put("recordedStatus", s.recorded().code());
                    }
                    out.put("countsAsMembership", s.counts());
                    out.put("since", s.since());
                    if (s.note() != null) {
                        out.put("note", s.note());
                    }
                    out.put("sources", sources(s.sources()));
                    return out;
                })
                .toList();
    }

    static Map<String, Object> fact(StoredFact f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("subject", entity(f.subject()));
        out.put("predicate", f.predicate());
        if (f.object() != null) {
            out.put("object", entity(f.object()));
        }
        if (f.value() != null) {
            out.put("value", f.value());
        }
        if (f.status() != null) {
            out.put("status", f.status().code());
        }
        out.put("from", f.from() == null ? null : f.from().text());
        out.put("to", f.to() == null ? null : f.to().text());
        out.put("rank", f.rank());
        out.put("contested", f.contested());
        if (f.note() != null) {
            out.put("note", f.note());
        }
        out.put("sources", sources(f.sources()));
        return out;
    }

    static Map<String, Object> timeline(FactsService.Timeline t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entity", entity(t.entity()));
        out.put("memberships", t.memberships().stream().map(FactsJson::fact).toList());
        out.put("events", t.events().stream().map(FactsJson::fact).toList());
        return out;
    }

    static List<Map<String, Object>> sources(List<FactFile.Source> sources) {
        return sources.stream()
                .map(s -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    if (s.url() != null) {
                        out.put("url", s.url());
                    }
                    if (s.title() != null) {
                        out.put("title", s.title());
                    }
                    if (s.retrieved() != null) {
                        out.put("retrieved", s.retrieved().toString());
                    }
                    if (s.articleId() != null) {
                        out.put("article", s.articleId());
                    }
                    return out;
                })
                .toList();
    }
}
