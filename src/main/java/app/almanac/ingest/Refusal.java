package app.almanac.ingest;

/** Thrown inside a parser to stop at the first problem; parsers turn it into a {@link Diagnostic}. */
final class Refusal extends RuntimeException {

    final int line;

    Refusal(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    Diagnostic in(String file) {
        return new Diagnostic(file, line, getMessage());
    }
}
