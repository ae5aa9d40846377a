package app.almanac.ingest;

/**
 * Why an input was refused: where (file and 1-based line, or 0 when the problem is the file
 * as a whole) and what was expected there.
 */
public record Diagnostic(String file, int line, String message) {

    /** The one-line form printed by the CLI: {@code file:line: message}. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
