package app.almanac.article;

import app.almanac.article.Block.BulletList;
import app.almanac.article.Block.FactTable;
import app.almanac.article.Block.Paragraph;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored piece of a block's text, addressed by row, cell and paragraph (see the migration
 * for the layout). Converts blocks to rows and back.
 */
record BlockText(int row, int cell, int paragraph, String text) {

    static List<BlockText> flatten(Block block) {
        List<BlockText> out = new ArrayList<>();
        if (block instanceof Paragraph p) {
            out.add(new BlockText(0, 0, 0, p.text()));
        } else if (block instanceof BulletList l) {
            for (int i = 0; i < l.items().size(); i++) {
                out.add(new BlockText(i, 0, 0, l.items().get(i)));
            }
        } else if (block instanceof FactTable t) {
            for (int c = 0; c < t.header().size(); c++) {
                out.add(new BlockText(0, c, 0, t.header().get(c)));
            }
            for (int r = 0; r < t.rows().size(); r++) {
                List<List<String>> row = t.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    List<String> cell = row.get(c);
                    // an empty cell still needs a row so that the cells after it keep their column
                    if (cell.isEmpty()) {
                        out.add(new BlockText(r + 1, c, 0, ""));
                    }
                    for (int p = 0; p < cell.size(); p++) {
                        out.add(new BlockText(r + 1, c, p, cell.get(p)));
                    }
                }
            }
        }
        return out;
    }

    /** Rebuilds a block from its texts, which must be sorted by row, cell and paragraph. */
    static Block assemble(String kind, List<BlockText> texts) {
        return switch (kind) {
            case "paragraph" ->
                new Paragraph(texts.isEmpty() ? "" : texts.get(0).text());
            case "list" -> new BulletList(texts.stream().map(BlockText::text).toList());
            case "table" -> table(texts);
            default -> throw new IllegalStateException("unknown block kind in database: " + kind);
        };
    }

    private static FactTable table(List<BlockText> texts) {
        List<String> header = new ArrayList<>();
        List<List<List<String>>> rows = new ArrayList<>();
        for (BlockText t : texts) {
            if (t.row() == 0) {
                header.add(t.text());
                continue;
            }
            while (rows.size() < t.row()) {
                rows.add(new ArrayList<>());
            }
            List<List<String>> row = rows.get(t.row() - 1);
            while (row.size() <= t.cell()) {
                row.add(new ArrayList<>());
            }
            row.get(t.cell()).add(t.text());
        }
        // undo the placeholder written for empty cells
        rows.forEach(row -> row.replaceAll(cell -> cell.equals(List.of("")) ? List.of() : cell));
        return new FactTable(header, rows);
    }
}
