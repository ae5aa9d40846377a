package app.almanac.desk;

import static app.almanac.web.Pages.page;

import app.almanac.article.ArticleWriter;
import app.almanac.article.Edit;
import app.almanac.practice.Reports;
import app.almanac.shared.BadRequestException;
import app.almanac.shared.NotFoundException;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /desk/reports}: learners' reports of flawed questions, oldest first. An editor fixes the
 * question in its article (a corrected key re-marks every attempt), drops it from marking, or
 * dismisses the report.
 */
@Controller
class ReportsController {

    private final Reports reports;
    private final ArticleWriter writer;

    ReportsController(Reports reports, ArticleWriter writer) {
        this.reports = reports;
        this.writer = writer;
    }

    @GetMapping("/desk/reports")
    ModelAndView queue(@RequestParam(required = false) String done) {
        return page(
                "desk/reports",
                new DeskPages.ReportQueue(reports.open(200), done == null ? null : "The report is closed."));
    }

    @PostMapping("/desk/reports/{id}")
    ModelAndView resolve(
            @PathVariable long id,
            @RequestParam long question,
            @RequestParam(defaultValue = "") String action,
            Principal editor) {
        switch (action) {
            case "drop" -> {
                writer.setDropped(question, true, new Edit(editor.getName(), "drop-question", "report " + id));
                close(id, "fixed", editor);
            }
            case "fixed", "dismissed" -> close(id, action, editor);
            default ->
                throw new BadRequestException("The action must be drop, fixed or dismissed, not '" + action + "'.");
        }
        return new ModelAndView("redirect:/desk/reports?done");
    }

    private void close(long id, String status, Principal editor) {
        if (!reports.resolve(id, status, editor.getName())) {
            throw new NotFoundException("There is no open report " + id + ".");
        }
    }
}
