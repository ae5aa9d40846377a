package app.almanac.desk;

import static app.almanac.web.Pages.page;

import app.almanac.facts.ReviewQueue;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.JsonNode;

/**
 * {@code /desk/review} and {@code /api/desk/review}: what the facts have overtaken — questions whose
 * key no longer holds, tables the facts contradict, "current" rows that have changed — each with its
 * reason, facts and sources. Editors regenerate (generated questions), edit, or dismiss with a note.
 */
@Controller
class ReviewController {

    private static final int LIMIT = 200;

    private final ReviewQueue queue;
    private final app.almanac.practice.ItemStats stats;

    ReviewController(ReviewQueue queue, app.almanac.practice.ItemStats stats) {
        this.queue = queue;
        this.stats = stats;
    }

    @GetMapping("/desk/review")
    ModelAndView list(@RequestParam(defaultValue = "open") String status, @RequestParam(required = false) String done) {
        return page(
                "desk/review",
                new DeskPages.ReviewPage(
                        queue.items(status, LIMIT),
                        status,
                        queue.openCount(),
                        done == null ? null : "The item is resolved.",
                        status.equals("open") ? stats.flagged() : List.of(),
                        status.equals("open") ? stats.quizzes() : List.of()));
    }

    @PostMapping("/desk/review/{id}")
    ModelAndView resolve(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String resolution,
            @RequestParam(required = false) String note,
            Principal editor) {
        ReviewQueue.Item item = queue.resolve(id, resolution, note, editor.getName());
        if (resolution.equals("edited") && item.edit() != null) {
            return new ModelAndView("redirect:" + item.edit());
        }
        return new ModelAndView("redirect:/desk/review?done");
    }

    @GetMapping("/api/desk/review")
    @ResponseBody
    Map<String, Object> api(@RequestParam(defaultValue = "open") String status) {
        List<ReviewQueue.Item> items = queue.items(status, LIMIT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("open", queue.openCount());
        out.put("items", items);
        List<Map<String, Object>> flagged = new java.util.ArrayList<>();
        for (app.almanac.practice.ItemStats.Flagged f : stats.flagged()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("questionId", f.question().id());
            m.put("stem", f.question().question().stem());
            m.put("attempts", f.attempts());
            m.put("facility", finite(f.facility()));
            m.put("discriminationIndex", finite(f.discriminationIndex()));
            m.put("discriminativeEfficiency", finite(f.discriminativeEfficiency()));
            m.put("reasons", f.reasons());
            flagged.add(m);
        }
        out.put("statistics", flagged);
        return out;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? Math.round(x * 100) / 100.0 : null;
    }

    @PostMapping("/api/desk/review/{id}")
    @ResponseBody
    ReviewQueue.Item apiResolve(@PathVariable long id, @RequestBody(required = false) JsonNode body, Principal editor) {
        String resolution = body == null ? "" : body.path("resolution").asString("");
        String note = body == null || !body.path("note").isString()
                ? null
                : body.path("note").asString();
        return queue.resolve(id, resolution, note, editor.getName());
    }
}
