package app.almanac.web;

import app.almanac.shared.BadRequestException;
import app.almanac.shared.BusyException;
import app.almanac.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns the ways a request can fail into pages that look like the site (or JSON under
 * {@code /api/}), with the right 4xx status and no stack trace.
 */
@ControllerAdvice
class ErrorPages {

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    Object notFound(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String message = e instanceof NotFoundException
                ? e.getMessage()
                : "There is nothing at " + request.getRequestURI() + ".";
        return respond(HttpStatus.NOT_FOUND, message, request);
    }

    /** A malformed path or query value (a date that is not a date, say) names nothing we have. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badValue(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return respond(HttpStatus.NOT_FOUND, "There is nothing at " + request.getRequestURI() + ".", request);
        }
        return respond(HttpStatus.BAD_REQUEST, "The value of '" + e.getName() + "' is not valid.", request);
    }

    @ExceptionHandler(BadRequestException.class)
    Object bad(BadRequestException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    /** Expensive work at its limit: come back shortly (the page says so, and Retry-After when). */
    @ExceptionHandler(BusyException.class)
    Object busy(BusyException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
        return respond(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "The parameter '" + e.getParameterName() + "' is required.", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(
                HttpStatus.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not allowed at " + request.getRequestURI() + ".",
                request);
    }

    static Object respond(HttpStatus status, String message, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", status.value(), "error", message));
        }
        var view = new ModelAndView("web/error", Map.of("page", ErrorPage.of(status.value(), message)));
        view.setStatus(status);
        return view;
    }
}
