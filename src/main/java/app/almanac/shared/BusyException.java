package app.almanac.shared;

import java.time.Duration;

/** Expensive work that is at its limit right now: answered 503 with Retry-After, never queued without end. */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
