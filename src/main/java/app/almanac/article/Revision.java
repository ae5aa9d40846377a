package app.almanac.article;

import java.time.Instant;

/** One saved revision of an article: who saved it, when. */
public record Revision(int number, Instant savedAt, String savedBy) {}
