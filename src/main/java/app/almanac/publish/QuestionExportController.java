package app.almanac.publish;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /practice/export?format=moodle-xml|gift|anki[&tag=T][&bank=SLUG]}: the practice page's
 * questions as a download, the same files {@code almanac questions export} writes.
 */
@RestController
class QuestionExportController {

    private final QuestionExport exports;
    private final app.almanac.shared.Workload work;

    QuestionExportController(QuestionExport exports, PublishProperties limits) {
        this.exports = exports;
        // an export of every question is a render's worth of work, open to anyone: as many at once as PDFs
        this.work = new app.almanac.shared.Workload("question exports", limits.concurrentRenders(), limits.patience());
    }

    @GetMapping("/practice/export")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "") String format,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String bank) {
        QuestionExport.Format f;
        try {
            f = QuestionExport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new app.almanac.shared.BadRequestException(e.getMessage());
        }
        QuestionExport.Written written = work.run(() -> exports.write(f, tag, bank));
        if (written.count() == 0) {
            throw new app.almanac.shared.NotFoundException("No questions match; there is nothing to export.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(written.mediaType() + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(written.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(written.body().getBytes(StandardCharsets.UTF_8));
    }
}
