package app.almanac.ingest.read;

import java.util.regex.Pattern;

/** Lines every reader knows the same way, whatever the format: the practice questions' heading and a link. */
public final class Headings {

    /** "PRACTICE QUESTION", "Daily Practice MCQs", "Previous Year Questions (PYQs)", "Quiz"… (case-insensitive). */
    public static final Pattern PRACTICE = Pattern.compile(
            "^(?:daily\\s+)?(?:(?:upsc\\s+)?(?:prelims|mains)\\s+)?(?:practice|sample|model|previous\\s+year)\\s+(?:questions?|mcqs?)\\s*(?:\\(pyqs?\\))?\\s*:?$"
                    + "|^(?:prelims|mains)\\s+(?:practice\\s+)?questions?\\s*:?$|^(?:mcqs?|quiz)\\s*:?$"
                    + "|^(?:pyqs?\\b[^.?]{0,40}|previous\\s+years?'?\\s+questions?\\s*(?:\\(pyqs?\\))?)\\s*:?$",
            Pattern.CASE_INSENSITIVE);

    /** A web address, alone: "https://…". */
    public static final Pattern URL = Pattern.compile("^https?://\\S+$", Pattern.CASE_INSENSITIVE);

    private Headings() {}
}
