package app.almanac.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.shared.BusyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

class ErrorPagesTests {

    private final ErrorPages pages = new ErrorPages();

    @Test
    void workAtItsLimitIsAnswered503WithWhenToComeBack() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Object page = pages.busy(
                new BusyException("Almanac is busy.", Duration.ofSeconds(7)),
                new MockHttpServletRequest("GET", "/compilations/2024-02.pdf"),
                response);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(((ModelAndView) page).getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        Object json = pages.busy(
                new BusyException("Almanac is busy.", Duration.ofSeconds(7)),
                new MockHttpServletRequest("GET", "/api/search"),
                new MockHttpServletResponse());
        assertThat(((ResponseEntity<?>) json).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
