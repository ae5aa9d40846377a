package app.almanac.article;

import java.util.List;

/** The model of the home page: the latest analyses, newest first. */
public record HomePage(List<ArticleSummary> articles) {}
