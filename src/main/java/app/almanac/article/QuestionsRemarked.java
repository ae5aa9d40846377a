package app.almanac.article;

import java.util.List;

/**
 * Published by the {@link ArticleWriter} when questions must be marked again although their
 * article's text may not have changed (an editor dropped one from marking, or took it back).
 * Article revisions, which may correct keys, are announced by {@link ArticleChanged}.
 */
public record QuestionsRemarked(List<Long> questionIds) {}
