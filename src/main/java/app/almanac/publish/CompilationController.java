package app.almanac.publish;

import app.almanac.shared.Months;
import app.almanac.shared.NotFoundException;
import java.time.YearMonth;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compilations/2024-02.pdf}: the month as one PDF to revise from. */
@RestController
class CompilationController {

    private final CompilationService compilations;

    CompilationController(CompilationService compilations) {
        this.compilations = compilations;
    }

    @GetMapping("/compilations/{month}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String month, @RequestParam(required = false) String syllabus) {
        YearMonth yearMonth = Months.parse(month);
        Compilation compilation =
                compilations.compilation(yearMonth, syllabus == null || syllabus.isBlank() ? null : syllabus);
        if (compilation.stories().isEmpty()) {
            throw new NotFoundException(
                    "No analyses were published in " + yearMonth + (syllabus == null ? "" : " for " + syllabus) + ".");
        }
        String name =
                "almanac-" + yearMonth + (compilation.syllabus() == null ? "" : "-" + compilation.syllabus()) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(compilations.pdf(compilation));
    }
}
