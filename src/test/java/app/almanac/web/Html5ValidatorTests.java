package app.almanac.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker itself must catch what it is there to catch, or a passing page proves nothing. */
class Html5ValidatorTests {

    @Test
    void acceptsAValidPage() {
        assertThat(Html5Validator.errors(
                        "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p>x</p></body></html>"))
                .isEmpty();
    }

    @Test
    void reportsAnInvalidPage() {
        assertThat(
                        Html5Validator.errors(
                                "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><table><p>x</table><li>y</body></html>"))
                .isNotEmpty();
    }
}
