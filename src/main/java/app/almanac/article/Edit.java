package app.almanac.article;

/**
 * Who makes a change to an article and what it is, as the history and the audit log tell it.
 *
 * @param author the editor's name (e-mail), or {@value #IMPORT} / {@value #SCHEDULER}
 * @param action what was done, in the desk's words: create, save, restore, questions, submit,
 *     publish, schedule, unpublish, import
 * @param note a detail for the audit log, or null
 */
public record Edit(String author, String action, String note) {

    /** The author of revisions that came in through an import rather than the desk. */
    public static final String IMPORT = "import";

    /** The author of a scheduled publication that came due. */
    public static final String SCHEDULER = "scheduler";

    /** An import of a file. */
    public static Edit byImport() {
        return new Edit(IMPORT, "import", null);
    }

    /** An editor's action on the desk. */
    public static Edit by(String editor, String action, String note) {
        return new Edit(editor, action, note);
    }

    /** Whether a person made this change (not an import or the scheduler). */
    public boolean byPerson() {
        return !IMPORT.equals(author) && !SCHEDULER.equals(author);
    }
}
