package app.almanac.article;

import java.util.List;

/**
 * What another room adds to an article page when it is rendered: links from the names in its text to
 * pages about them, and notes computed from other data (the facts room's "Since this analysis").
 * The article room defines it and renders what it is given; it knows nothing of where notes come from.
 */
public interface ArticleNotes {

    /** The notes for {@code article}'s page. */
    Notes of(Article article);

    /**
     * @param linker splits text into plain and linked runs (each name linked once per page)
     * @param since notes about what has changed since the article's date
     */
    record Notes(Linker linker, List<Note> since) {
        public static final Notes NONE = new Notes(Linker.NONE, List.of());

        public Notes {
            since = since == null ? List.of() : List.copyOf(since);
        }
    }

    /** Splits a text into runs, some of them links. */
    interface Linker {
        Linker NONE = text -> List.of(new Segment(text, null));

        List<Segment> split(String text);
    }

    /** A run of text, linked to {@code href} or (when null) plain. */
    record Segment(String text, String href) {}

    /** A sentence with the sources it rests on. */
    record Note(String text, List<Source> sources) {
        public Note {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** A source as a note cites it. */
    record Source(String title, String url) {}
}
