package app.almanac.ingest.read;

import app.almanac.ingest.Diagnostic;

/** Thrown inside a parser to stop at the first problem; parsers turn it into a {@link Diagnostic}. */
public class Refusal extends RuntimeException {

    public final int line;

    public Refusal(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    public Diagnostic in(String file) {
        return new Diagnostic(file, line, getMessage());
    }

    /** An article with a title and a date and nothing else: often a tag line taken for a title, so the parser retries. */
    public static final class Empty extends Refusal {
        public Empty(int line, String message) {
            super(line, message);
        }
    }
}
