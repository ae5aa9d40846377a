package app.almanac.practice;

import static app.almanac.web.Pages.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The mistakes notebook (flag, remove, retake) and reports of flawed questions. */
@Controller
class NotebookController {

    private final Notebook notebook;
    private final Reports reports;
    private final Learners learners;

    NotebookController(Notebook notebook, Reports reports, Learners learners) {
        this.notebook = notebook;
        this.reports = reports;
        this.learners = learners;
    }

    @GetMapping("/practice/notebook")
    ModelAndView notebook(
            @RequestParam(required = false) String topic, HttpServletRequest request, HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        if (!learner.signedIn()) {
            return page("practice/notebook", new PracticePages.NotebookView(false, null, List.of(), Map.of()));
        }
        List<String> topics = List.copyOf(notebook.of(learner.userId(), null).keySet());
        return page(
                "practice/notebook",
                new PracticePages.NotebookView(true, topic, topics, notebook.of(learner.userId(), topic)));
    }

    @PostMapping("/practice/notebook/{questionId}/flag")
    ModelAndView flag(
            @PathVariable long questionId,
            @RequestParam(defaultValue = "/practice/notebook") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        notebook.flag(signedIn(request, response), questionId);
        return new ModelAndView("redirect:" + safe(back));
    }

    @PostMapping("/practice/notebook/{questionId}/remove")
    ModelAndView remove(@PathVariable long questionId, HttpServletRequest request, HttpServletResponse response) {
        notebook.remove(signedIn(request, response), questionId);
        return new ModelAndView("redirect:/practice/notebook");
    }

    @PostMapping("/practice/questions/{questionId}/report")
    ModelAndView report(
            @PathVariable long questionId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "/practice") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        reports.report(learner.userId(), questionId, kind, note);
        String to = safe(back);
        return new ModelAndView("redirect:" + to + (to.contains("?") ? "&" : "?") + "reported");
    }

    private long signedIn(HttpServletRequest request, HttpServletResponse response) {
        Learner learner = learners.of(request, response, false);
        if (!learner.signedIn()) {
            throw new PracticeException(null, "Sign in to keep a notebook.");
        }
        return learner.userId();
    }

    /** Only back to a practice page of this site: never an address a crafted form names. */
    private static String safe(String back) {
        return back.startsWith("/practice") && !back.startsWith("//") && !back.contains("\\") ? back : "/practice";
    }
}
