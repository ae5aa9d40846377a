package app.almanac.practice;

import app.almanac.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Practice's refusals: what was wrong and with which field (400), or that the attempt is over (409). */
@ControllerAdvice(
        assignableTypes = {
            PracticeController.class,
            PracticeApiController.class,
            NotebookController.class,
            RevisionController.class,
            ProgressController.class
        })
class PracticeAdvice {

    @ExceptionHandler(PracticeException.class)
    Object refused(PracticeException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("error", e.getMessage());
            if (e.field() != null) {
                body.put("field", e.field());
            }
            return ResponseEntity.badRequest().body(body);
        }
        return Pages.refusal(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(AttemptClosedException.class)
    Object closed(AttemptClosedException e, HttpServletRequest request) {
        return Pages.refusal(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return Pages.refusal(HttpStatus.BAD_REQUEST, "The body is not valid JSON.", request);
    }
}
