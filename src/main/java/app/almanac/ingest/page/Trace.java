package app.almanac.ingest.page;

import app.almanac.ingest.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parser made of each line, written down as it decides ({@code import --explain} and the
 * desk's Explain read it). {@link #OFF}, the normal case, records nothing and costs a branch per call.
 */
final class Trace {

    /** Records nothing: what every import that is not explained uses. */
    static final Trace OFF = new Trace(false);

    private final boolean on;
    private final Map<Integer, String> roles = new HashMap<>();
    private final List<Diagnostic> unsure = new ArrayList<>();

    private Trace(boolean on) {
        this.on = on;
    }

    /** A trace that records. */
    static Trace recording() {
        return new Trace(true);
    }

    /** Says what {@code line} became; a later, more precise reading of the same line replaces an earlier one. */
    void role(Line line, String role) {
        if (on) {
            roles.put(line.number(), role);
        }
    }

    /** Marks a choice the parser is unsure of, for an editor to check ({@code line} 0 for the whole text). */
    void unsure(int line, String message) {
        if (on) {
            unsure.add(new Diagnostic("", line, message));
        }
    }

    boolean on() {
        return on;
    }

    String roleOf(int lineNumber) {
        return roles.get(lineNumber);
    }

    List<Diagnostic> unsure() {
        return unsure;
    }
}
