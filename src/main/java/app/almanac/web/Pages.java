package app.almanac.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** A page answer: a template and its one typed model, named {@code page} in every template. */
public final class Pages {

    private Pages() {}

    public static ModelAndView page(String view, Object model) {
        return page(view, model, HttpStatus.OK);
    }

    /**
     * A refusal as the site answers every refusal: the error page with {@code status} and
     * {@code message}, or JSON {@code {"status", "error"}} under {@code /api/}.
     */
    public static Object refusal(HttpStatus status, String message, HttpServletRequest request) {
        return ErrorPages.respond(status, message, request);
    }

    public static ModelAndView page(String view, Object model, HttpStatus status) {
        ModelAndView mav = new ModelAndView(view, Map.of("page", model));
        mav.setStatus(status);
        return mav;
    }
}
