package app.almanac.practice;

/** An answer or submission for an attempt that is over (submitted, or out of time): nothing changed (409). */
public class AttemptClosedException extends RuntimeException {

    public AttemptClosedException(String message) {
        super(message);
    }
}
