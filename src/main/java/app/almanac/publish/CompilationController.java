package app.almanac.publish;

import app.almanac.shared.Months;
import app.almanac.shared.NotFoundException;
import java.time.YearMonth;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** {@code /compilations/2024-02.pdf}: the month as one PDF to revise from. */
@RestController
class CompilationController {

    private final CompilationService compilations;

    CompilationController(CompilationService compilations) {
        this.compilations = compilations;
    }

    @GetMapping("/compilations/{month}.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable String month, @RequestParam(required = false) String syllabus, WebRequest request) {
        YearMonth yearMonth = Months.parse(month);
        String paper = syllabus == null || syllabus.isBlank() ? null : syllabus.strip();
        CompilationService.Pdf pdf = compilations
                .published(yearMonth, paper)
                .orElseThrow(() -> new NotFoundException(
                        "No analyses were published in " + yearMonth + (paper == null ? "" : " for " + paper) + "."));
        String etag = "\"" + pdf.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        String name = "almanac-" + yearMonth + (paper == null ? "" : "-" + paper) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(pdf.bytes());
    }
}
