package app.almanac.bookmark;

import java.util.List;

/** The model of the bookmarks page. */
public record BookmarksPage(List<Bookmark> bookmarks, String error) {}
