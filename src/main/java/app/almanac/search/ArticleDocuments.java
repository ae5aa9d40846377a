package app.almanac.search;

import app.almanac.article.Article;
import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Question;
import app.almanac.article.Section;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/** How an article becomes a Lucene document; each field's type says how it is used. */
final class ArticleDocuments {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String DATE = "date";
    static final String CATEGORY = "category";
    static final String TAG = "tag";
    static final String SYLLABUS = "syllabus";
    static final String PATH = "path";
    static final String CONTEXT = "context";
    static final String REVISION = "revision";

    /**
     * The body is searched, stored for snippets, and indexed with offsets: the highlighter then
     * finds the matches from the postings instead of analysing the stored text again.
     */
    static final FieldType BODY_TYPE = bodyType();

    /**
     * Bumped whenever a field changes how it is indexed; an index of another version is rebuilt.
     * 3: the id also as doc values, and the revision (Lucene refuses doc values on a field that had none).
     */
    static final String SCHEMA_VERSION = "3";

    private ArticleDocuments() {}

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static Document of(Article article) {
        ArticleContent c = article.content();
        Document doc = new Document();
        // StringField: the exact key that updateDocument and deletes address
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        // the id again and the revision as doc values: the doctor reads both for every document in one
        // columnar pass, without decompressing the stored bodies
        doc.add(new NumericDocValuesField(ID, article.id()));
        doc.add(new NumericDocValuesField(REVISION, article.revision()));
        // stored only: shown in results, never searched
        doc.add(new StoredField(PATH, article.path()));
        if (c.context() != null) {
            doc.add(new StoredField(CONTEXT, c.context()));
        }
        // TextField, stored: searched (boosted) and shown highlighted
        doc.add(new TextField(TITLE, c.title(), Field.Store.YES));
        doc.add(new Field(BODY, body(c), BODY_TYPE));
        // the day as a number: LongPoint for date ranges, doc values for sorting, stored for display
        long day = c.date().toEpochDay();
        doc.add(new LongPoint(DATE, day));
        doc.add(new NumericDocValuesField(DATE, day));
        doc.add(new StoredField(DATE, day));
        // StringField for exact filters; facet fields for the counts beside the results
        if (c.category() != null) {
            doc.add(new StringField(CATEGORY, c.category(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(CATEGORY, c.category()));
        }
        for (String tag : c.tags().stream().distinct().toList()) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(TAG, tag));
        }
        for (String paper : c.syllabus().stream().distinct().toList()) {
            doc.add(new StringField(SYLLABUS, paper, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(SYLLABUS, paper));
        }
        return doc;
    }

    /** Everything readable in the article, practice questions included, in reading order. */
    static String body(ArticleContent c) {
        StringBuilder sb = new StringBuilder();
        append(sb, c.context());
        for (Section s : c.sections()) {
            append(sb, s.heading());
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    append(sb, p.text());
                } else if (b instanceof Block.BulletList l) {
                    l.items().forEach(i -> append(sb, i));
                } else if (b instanceof Block.FactTable t) {
                    t.header().forEach(h -> append(sb, h));
                    t.rows().forEach(r -> r.forEach(cell -> cell.forEach(p -> append(sb, p))));
                }
            }
        }
        for (Question q : c.questions()) {
            append(sb, q.stem());
            q.statements().forEach(s -> append(sb, s.text()));
            if (q.pairs() != null) {
                q.pairs().rows().forEach(r -> r.forEach(cell -> append(sb, cell)));
            }
            q.options().forEach(o -> append(sb, o.text()));
            append(sb, q.explanation());
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String text) {
        if (text != null && !text.isBlank()) {
            sb.append(text.strip()).append(text.strip().matches(".*[.!?:;]$") ? "\n" : ".\n");
        }
    }
}
