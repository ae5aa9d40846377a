package app.almanac.article;

/**
 * A save based on a revision that is no longer current: someone saved in between. Carries the
 * current article so that the editor can see both versions; nothing was written.
 */
public class StaleRevisionException extends RuntimeException {

    private final transient Article current;
    private final int base;

    public StaleRevisionException(Article current, int base) {
        super("This article was changed to revision " + current.revision() + " while you were editing revision " + base
                + ".");
        this.current = current;
        this.base = base;
    }

    public Article current() {
        return current;
    }

    public int base() {
        return base;
    }
}
