package app.almanac.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTests {

    @Test
    void aPublishedArticleCanOnlyBeTakenOffTheSite() {
        assertThat(Status.PUBLISHED.moves()).containsExactly(Status.DRAFT);
        assertThat(Status.PUBLISHED.canMoveTo(Status.REVIEW)).isFalse();
        assertThat(Status.PUBLISHED.canMoveTo(Status.PUBLISHED)).isFalse();
    }

    @Test
    void aDraftGoesToReviewOrOutButNotToItself() {
        assertThat(Status.DRAFT.moves()).containsExactlyInAnyOrder(Status.REVIEW, Status.SCHEDULED, Status.PUBLISHED);
        assertThat(Status.DRAFT.canMoveTo(Status.DRAFT))
                .as("'unpublish' of a draft")
                .isFalse();
    }

    @Test
    void aScheduleCanBeMovedPublishedNowOrCancelled() {
        assertThat(Status.SCHEDULED.moves())
                .containsExactlyInAnyOrder(Status.SCHEDULED, Status.PUBLISHED, Status.DRAFT);
        assertThat(Status.SCHEDULED.canMoveTo(Status.REVIEW)).isFalse();
    }

    @Test
    void everyStatusCanReachPublishedAndEveryPublishedArticleCanBeUnpublished() {
        for (Status s : Status.values()) {
            assertThat(s == Status.PUBLISHED || s.canMoveTo(Status.PUBLISHED))
                    .as(s.name())
                    .isTrue();
        }
    }
}
