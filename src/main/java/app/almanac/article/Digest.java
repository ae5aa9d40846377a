package app.almanac.article;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's analyses, with the nearest earlier and later days that have any.
 *
 * @param previous the latest earlier day with analyses, or null
 * @param next     the earliest later day with analyses, or null
 */
public record Digest(LocalDate date, List<ArticleSummary> articles, LocalDate previous, LocalDate next) {}
