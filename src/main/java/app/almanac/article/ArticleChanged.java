package app.almanac.article;

/**
 * Published by the {@link ArticleWriter} for every change to an article, and heard by other rooms
 * after the change commits (this node's page cache, search index and audit log). Other nodes learn
 * of the same change from the change log.
 *
 * @param id the article
 * @param revision its revision after the change
 * @param status its status after the change
 * @param edit who changed it, how and why
 */
public record ArticleChanged(long id, int revision, Status status, Edit edit) {}
