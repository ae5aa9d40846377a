package app.almanac.desk;

/** A problem at a line of an editor's text (line 0: the text as a whole). */
public record Problem(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "Line " + line + ": " + message : message;
    }
}
