package app.almanac.desk;

import app.almanac.article.Article;
import app.almanac.article.Editorial;
import app.almanac.article.EditorialException;
import app.almanac.article.EditorialService;
import app.almanac.article.Status;
import app.almanac.shared.BadRequestException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk for scripts, with a personal token that has the {@code desk} scope: send an analysis's
 * text and get drafts back; list what is on the desk.
 */
@RestController
class DeskApiController {

    private final EditorialService editorial;
    private final DeskService desk;

    DeskApiController(EditorialService editorial, DeskService desk) {
        this.editorial = editorial;
        this.desk = desk;
    }

    @PostMapping(
            path = "/api/desk/articles",
            consumes = {"text/plain", "text/markdown"})
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String text, Principal editor) {
        if (text == null || text.isBlank()) {
            return ResponseEntity.unprocessableContent()
                    .body(Map.of("status", 422, "error", "The body is empty: send the text of an analysis."));
        }
        if (text.length() > DeskPages.MAX_TEXT) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Map.of("status", 413, "error", DeskController.tooLong(text)));
        }
        Documents.Parsed parsed = Documents.fromPaste(text);
        if (!parsed.ok()) {
            return ResponseEntity.unprocessableContent()
                    .body(Map.of(
                            "status",
                            422,
                            "error",
                            "The text could not be read.",
                            "problems",
                            parsed.problems().stream()
                                    .map(p -> Map.of("line", p.line(), "message", p.message()))
                                    .toList()));
        }
        try {
            List<Article> created = desk.createDrafts(parsed.articles(), editor.getName());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(Map.of(
                            "created",
                            created.stream()
                                    .map(a -> Map.of(
                                            "id",
                                            a.id(),
                                            "title",
                                            a.content().title(),
                                            "revision",
                                            a.revision(),
                                            "status",
                                            "draft",
                                            "desk",
                                            "/desk/articles/" + a.id()))
                                    .toList()));
        } catch (EditorialException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", e.getMessage()));
        }
    }

    @GetMapping("/api/desk/articles")
    List<Editorial> list(@RequestParam(defaultValue = "draft") String status) {
        Status wanted;
        try {
            wanted = Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be draft, review, scheduled or published");
        }
        return editorial.byStatus(wanted, DeskController.LIST_SIZE);
    }
}
