package app.almanac.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.almanac.shared.SiteAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

/** The doctor's check of the kept pages: outdated ones (an eviction was missed) are found and dropped. */
class AnonymousPagesTests {

    private final AnonymousPages pages = new AnonymousPages(
            new Anonymity(new MockEnvironment()), mock(SiteAddress.class), new SimpleMeterRegistry());

    private void keep(String url, long owner, boolean fresh) {
        pages.keep(
                new MockHttpServletRequest("GET", url),
                new AnonymousPages.Page(owner, null, 1_000L, url.getBytes(StandardCharsets.UTF_8), () -> fresh));
    }

    @Test
    void pagesWhoseArticleChangedSinceAreOutdatedAndARepairDropsThemWithThoseNoLongerFresh() {
        keep("/articles/2024-03-01/b", 2, true);
        keep("/articles/2024-03-01/a", 1, true);
        keep("/articles/2024-03-02/c", 3, true);
        keep("/search", 0, false);

        AnonymousPages.PageCheck check = pages.check(page -> page.owner() != 3, false);
        assertThat(check.kept()).isEqualTo(4);
        assertThat(check.outdated()).isEqualTo(2);
        assertThat(check.firstOutdated()).containsExactly("/articles/2024-03-01/a", "/articles/2024-03-01/b");
        assertThat(check.notFresh()).isEqualTo(1);
        assertThat(check.evicted()).isFalse();
        assertThat(pages.check(page -> page.owner() != 3, false).kept())
                .as("a check drops nothing")
                .isEqualTo(4);

        assertThat(pages.check(page -> page.owner() != 3, true).evicted()).isTrue();
        AnonymousPages.PageCheck after = pages.check(page -> page.owner() != 3, false);
        assertThat(after.kept()).as("only the page still true is kept").isEqualTo(1);
        assertThat(after.outdated()).isZero();
        assertThat(after.notFresh()).isZero();
    }
}
