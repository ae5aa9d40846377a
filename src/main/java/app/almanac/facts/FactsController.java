package app.almanac.facts;

import static app.almanac.web.Pages.page;

import app.almanac.shared.BadRequestException;
import app.almanac.web.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The facts pages: an index by kind, and each entity as of a day with its timeline. */
@Controller
class FactsController {

    private static final List<String> KINDS = List.of("organisation", "grouping", "body", "treaty", "country", "city");

    private final FactsService facts;
    private final FactEdits edits;
    private final Clock clock;

    private final ContentFacts content;

    FactsController(FactsService facts, FactEdits edits, ContentFacts content, Clock clock) {
        this.content = content;
        this.facts = facts;
        this.edits = edits;
        this.clock = clock;
    }

    @GetMapping("/facts")
    ModelAndView index() {
        Map<String, List<Entity>> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
            List<Entity> entities = facts.byKind(kind);
            if (!entities.isEmpty()) {
                byKind.put(kind, entities);
            }
        }
        return page(
                "facts/index", new FactsPages.Index(byKind, facts.currentTo().orElse(null)));
    }

    @GetMapping("/facts/{entity}")
    ModelAndView entity(
            @PathVariable String entity,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Long id) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? today : LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + asOf + "' is not a date: choose one such as 2024-02-26.");
        }
        if (day.getYear() < 1 || day.getYear() > 9998) {
            throw new BadRequestException("Choose a date between the years 1 and 9998.");
        }
        Entity e = facts.entity(entity);
        Viewer viewer = Viewer.current();
        boolean editor = viewer != null && viewer.editor();
        FactsService.Timeline timeline = facts.timeline(e.slug());
        return page(
                "facts/entity",
                new FactsPages.EntityPage(
                        e,
                        day,
                        facts.members(e.slug(), day),
                        facts.about(e, day),
                        timeline.memberships().isEmpty() ? null : TimelineChart.svg(timeline, day, today),
                        e.kind().equals("country") ? facts.groupings(e.slug(), day) : null,
                        facts.currentTo().orElse(null),
                        editor ? facts.allOf(e) : List.of(),
                        edits.history(e),
                        editor,
                        notice(done, id),
                        content.mentioning(e, 20).stream()
                                .map(a -> new FactsPages.Analysis(
                                        a.title(), "/articles/" + a.date() + "/" + a.slug(), a.date()))
                                .toList()));
    }

    /** What an editor's last change did, said by the page (never text from the link). */
    private static String notice(String done, Long id) {
        if (done == null || id == null) {
            return null;
        }
        return switch (done) {
            case "added" -> "Fact " + id + " added.";
            case "saved" -> "Fact " + id + " saved.";
            case "deleted" -> "Fact " + id + " deleted. If that was a mistake, undo it under Changes.";
            case "undone" -> "Change " + id + " undone.";
            default -> null;
        };
    }
}
