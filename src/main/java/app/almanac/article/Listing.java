package app.almanac.article;

import java.util.List;

/**
 * One page of the articles of a category, syllabus paper or tag.
 *
 * @param heading what the list is, e.g. "Category: Economy"
 * @param path    the list's own path, without the page parameter
 * @param page    1-based
 * @param pages   how many pages there are (at least 1)
 * @param total   how many articles in all
 */
public record Listing(String heading, String path, List<ArticleSummary> articles, int page, int pages, int total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
