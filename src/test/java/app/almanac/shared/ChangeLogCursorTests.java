package app.almanac.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChangeLogCursorTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    @Test
    void idsSkippedOverAreMissingUntilTheyAppear() {
        var cursor = ChangeLogCursor.origin().advance(List.of(), List.of(entry(1), entry(4)), T0, GRACE);
        assertThat(cursor.position()).isEqualTo(4);
        assertThat(cursor.missingIds()).containsExactly(2L, 3L);
        var later = cursor.advance(List.of(entry(3)), List.of(entry(5)), T0.plusSeconds(1), GRACE);
        assertThat(later.position()).isEqualTo(5);
        assertThat(later.missingIds()).containsExactly(2L);
    }

    @Test
    void aMissingIdIsGivenUpOnlyAfterItsGracePeriod() {
        var cursor = ChangeLogCursor.origin().advance(List.of(), List.of(entry(2)), T0, GRACE);
        assertThat(cursor.advance(List.of(), List.of(), T0.plus(GRACE), GRACE).missingIds())
                .containsExactly(1L);
        assertThat(cursor.advance(List.of(), List.of(), T0.plus(GRACE).plusMillis(1), GRACE)
                        .complete())
                .isTrue();
    }

    @Test
    void survivesBeingStoredAsText() {
        var cursor = ChangeLogCursor.origin().advance(List.of(), List.of(entry(3), entry(7)), T0, GRACE);
        assertThat(ChangeLogCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(ChangeLogCursor.decode("42")).isEqualTo(new ChangeLogCursor(42, new TreeMap<>(), ""));
        assertThat(ChangeLogCursor.decode(null)).isEqualTo(ChangeLogCursor.origin());
    }

    @Test
    void aJumpOfTheSequenceIsNotTakenForThousandsOfTransactionsInFlight() {
        var cursor = ChangeLogCursor.origin().advance(List.of(), List.of(entry(1), entry(1_000_000)), T0, GRACE);
        assertThat(cursor.position()).isEqualTo(1_000_000);
        assertThat(cursor.missingIds()).isEmpty();
    }

    private static ChangeLog.Entry entry(long id) {
        return new ChangeLog.Entry(id, "article", id, ChangeLog.Action.UPDATED, T0);
    }
}
