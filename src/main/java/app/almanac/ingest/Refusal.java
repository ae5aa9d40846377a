package app.almanac.ingest;

/** Thrown inside a parser to stop at the first problem; parsers turn it into a {@link Diagnostic}. */
class Refusal extends RuntimeException {

    final int line;

    Refusal(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    Diagnostic in(String file) {
        return new Diagnostic(file, line, getMessage());
    }

    /** An article with a title and a date and nothing else: often a tag line taken for a title, so the parser retries. */
    static final class Empty extends Refusal {
        Empty(int line, String message) {
            super(line, message);
        }
    }
}
