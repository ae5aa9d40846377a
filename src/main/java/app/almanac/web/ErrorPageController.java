package app.almanac.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Serves {@code /error}, where the servlet container sends failures that never reached a
 * controller (a malformed URL, say), with the same page as everything else.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is simply a page that is not there
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 404);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object given = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // the messages Almanac gives with a refusal (403, 429) are written for the reader; others are not shown
        boolean ours = status == HttpStatus.FORBIDDEN || status == HttpStatus.TOO_MANY_REQUESTS;
        String message = ours && given instanceof String text && !text.isBlank()
                ? text
                : status == HttpStatus.NOT_FOUND
                        ? "There is nothing at " + (uri == null ? "this address" : uri) + "."
                        : status.is4xxClientError() ? "The request was not valid." : "Please try again in a moment.";
        return ErrorPages.respond(status, message, new ForwardedRequest(request, uri));
    }

    /** Presents the original URI so that API errors stay JSON. */
    private static final class ForwardedRequest extends HttpServletRequestWrapper {
        private final Object uri;

        ForwardedRequest(HttpServletRequest request, Object uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri == null ? super.getRequestURI() : uri.toString();
        }
    }
}
