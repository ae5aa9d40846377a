package app.almanac.article;

import java.util.List;

/**
 * A headed part of an article.
 *
 * @param heading the heading, or an empty string for text that comes before the first heading
 * @param blocks  paragraphs, lists and tables in reading order
 */
public record Section(String heading, List<Block> blocks) {

    public Section {
        heading = heading == null ? "" : heading;
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}
