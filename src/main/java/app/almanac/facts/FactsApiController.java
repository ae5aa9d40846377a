package app.almanac.facts;

import app.almanac.shared.BadRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Facts as JSON, public like the pages: members as of a date, a country's groupings, common groupings, timelines. */
@RestController
class FactsApiController {

    private final FactsService facts;
    private final FactQuestions questions;
    private final ContentFacts content;
    private final app.almanac.article.ArticleService articles;
    private final Clock clock;

    FactsApiController(
            FactsService facts,
            FactQuestions questions,
            ContentFacts content,
            app.almanac.article.ArticleService articles,
            Clock clock) {
        this.facts = facts;
        this.questions = questions;
        this.content = content;
        this.articles = articles;
        this.clock = clock;
    }

    @GetMapping("/api/facts/entities/{entity}/members")
    Map<String, Object> members(@PathVariable String entity, @RequestParam(required = false) String asOf) {
        return FactsJson.members(facts.members(entity, day(asOf)));
    }

    @GetMapping("/api/facts/countries/{country}/groupings")
    Map<String, Object> groupings(@PathVariable String country, @RequestParam(required = false) String asOf) {
        FactsService.Groupings g = facts.groupings(country, day(asOf));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("country", FactsJson.entity(g.countries().get(0)));
        out.put("asOf", g.asOf().toString());
        out.put("groupings", FactsJson.standings(g.groupings(), true));
        return out;
    }

    @GetMapping("/api/facts/common")
    Map<String, Object> common(@RequestParam String countries, @RequestParam(required = false) String asOf) {
        List<String> names = Arrays.stream(countries.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        FactsService.Groupings g;
        try {
            g = facts.common(names, day(asOf));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("countries", g.countries().stream().map(FactsJson::entity).toList());
        out.put("asOf", g.asOf().toString());
        out.put("groupings", FactsJson.standings(g.groupings(), true));
        return out;
    }

    @GetMapping("/api/facts/entities/{entity}/timeline")
    Map<String, Object> timeline(@PathVariable String entity) {
        return FactsJson.timeline(facts.timeline(entity));
    }

    @GetMapping("/api/facts/entities/{entity}/changes")
    Map<String, Object> changes(@PathVariable String entity, @RequestParam String from, @RequestParam String to) {
        LocalDate start = day(from);
        LocalDate end = day(to);
        List<StoredFact> changed;
        try {
            changed = facts.changes(entity, start, end);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entity", FactsJson.entity(facts.entity(entity)));
        out.put("from", start.toString());
        out.put("to", end.toString());
        out.put("changes", changed.stream().map(FactsJson::fact).toList());
        return out;
    }

    @GetMapping("/api/facts/entities/{entity}")
    Map<String, Object> entity(@PathVariable String entity, @RequestParam(required = false) String asOf) {
        Entity e = facts.entity(entity);
        LocalDate day = day(asOf);
        Map<String, Object> out = new LinkedHashMap<>(FactsJson.entity(e));
        out.put("kind", e.kind());
        out.put("abbreviations", e.abbreviations());
        out.put("aliases", e.aliases());
        if (e.hindi() != null) {
            out.put("hindi", e.hindi());
        }
        out.put("asOf", day.toString());
        List<Map<String, Object>> headquarters = new ArrayList<>();
        List<Map<String, Object>> founded = new ArrayList<>();
        for (StoredFact f : facts.about(e, day)) {
            if (f.predicate().equals("headquarters")) {
                headquarters.add(FactsJson.fact(f));
            } else if (f.predicate().equals("founded")) {
                founded.add(FactsJson.fact(f));
            }
        }
        out.put("headquarters", headquarters);
        out.put("founded", founded);
        return out;
    }

    /**
     * Questions generated from the facts and proven as of {@code asOf}, in the JSON shape of an imported
     * bank; nothing is stored ({@code almanac facts generate} stores them).
     */
    @GetMapping("/api/facts/questions")
    Map<String, Object> questions(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) List<String> template,
            @RequestParam(required = false) String count) {
        int n;
        try {
            n = count == null || count.isBlank() ? 20 : Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("count must be a whole number, not '" + count + "'.");
        }
        return questions.json(questions.generate(entity, day(asOf), template, n));
    }

    /** A published analysis's fact tables read against the facts as of its date. */
    @GetMapping("/api/articles/{slug}/checks")
    Map<String, Object> checks(@PathVariable String slug) {
        app.almanac.article.Article article = articles.findPublishedBySlug(slug)
                .orElseThrow(
                        () -> new app.almanac.shared.NotFoundException("No analysis is published as '" + slug + "'."));
        ContentFacts.Checks checks = content.checks(article);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("article", article.slug());
        out.put("asOf", checks.asOf() == null ? null : checks.asOf().toString());
        out.put("rows", checks.rows());
        out.put("claims", checks.claims());
        return out;
    }

    private LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 1 || day.getYear() > 9998) {
                throw new BadRequestException("The date must be between the years 1 and 9998, not " + text + ".");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + text + "' is not a date: write it as 2024-02-26.");
        }
    }
}
