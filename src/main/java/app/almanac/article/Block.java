package app.almanac.article;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One unit of a section's body: a paragraph, a bullet list or a two-column fact table. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
    @JsonSubTypes.Type(value = Block.BulletList.class, name = "list"),
    @JsonSubTypes.Type(value = Block.FactTable.class, name = "table")
})
public sealed interface Block {

    /** The name stored in the database and used in JSON. */
    String type();

    /** A paragraph of running text. */
    record Paragraph(String text) implements Block {
        @Override
        public String type() {
            return "paragraph";
        }
    }

    /** A bullet list; each item is one line of text. */
    record BulletList(List<String> items) implements Block {
        public BulletList {
            items = items == null ? List.of() : List.copyOf(items);
        }

        @Override
        public String type() {
            return "list";
        }
    }

    /**
     * A fact table such as the "About" tables of analyses: a header row, then rows whose cells
     * each hold one or more paragraphs.
     *
     * @param header the column headings (empty when the source had none)
     * @param rows   each row is a list of cells, each cell a list of paragraphs
     */
    record FactTable(List<String> header, List<List<List<String>>> rows) implements Block {
        public FactTable {
            header = header == null ? List.of() : List.copyOf(header);
            rows = rows == null
                    ? List.of()
                    : rows.stream()
                            .map(row -> row.stream().map(List::copyOf).toList())
                            .toList();
        }

        @Override
        public String type() {
            return "table";
        }
    }
}
