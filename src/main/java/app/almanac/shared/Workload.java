package app.almanac.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most so many of one kind of expensive public work at a time (PDF renders, searches, feeds):
 * a request waits a little for its turn and is then told to come back ({@link BusyException}),
 * so a burst of requests costs bounded memory and CPU and the rest of the site keeps answering.
 */
public final class Workload {

    private final String what;
    private final Semaphore permits;
    private final Duration patience;

    /**
     * @param what what the work is, for the message ("PDF compilations")
     * @param concurrent how many may run at once
     * @param patience how long a request waits for its turn
     */
    public Workload(String what, int concurrent, Duration patience) {
        if (concurrent < 1) {
            throw new IllegalArgumentException(what + ": at least one must be allowed at a time, not " + concurrent);
        }
        this.what = what;
        this.permits = new Semaphore(concurrent, true);
        this.patience = patience;
    }

    /** Runs {@code work} when its turn comes within the patience; else throws {@link BusyException}. */
    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new BusyException(
                    "Almanac is busy with other " + what + " right now. Try again in a few seconds.",
                    Duration.ofSeconds(Math.max(5, patience.toSeconds())));
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
