package app.almanac.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestArticles;
import app.almanac.article.Article;
import app.almanac.shared.ChangeLogCursor;
import app.almanac.shared.SiteProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk across an upgrade that changes how a field is indexed. */
class SearchIndexTests {

    @TempDir
    Path dir;

    @Test
    void anIndexWrittenByAnEarlierVersionIsEmptiedForARebuildAndThenTakesTheNewDocuments() throws Exception {
        // an index as the previous version wrote it: body without offsets, no schema in the commit
        try (var directory = FSDirectory.open(dir);
                var old = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(ArticleDocuments.ID, "1", Field.Store.YES));
            doc.add(new TextField(ArticleDocuments.BODY, "an old body", Field.Store.YES));
            old.addDocument(doc);
            old.setLiveCommitData(Map.of(SearchIndex.APPLIED, "42").entrySet());
            old.commit();
        }
        SearchIndex index = new SearchIndex(
                new SearchProperties(dir.toString(), true, 8, java.time.Duration.ofSeconds(2)),
                new SiteProperties(dir.toString(), ZoneOffset.UTC, "", false));
        try {
            assertThat(index.documents()).isZero();
            assertThat(index.applied())
                    .as("the follower will rebuild from the database")
                    .isEqualTo(ChangeLogCursor.origin());
            index.put(new Article(
                    7,
                    "fresh",
                    1,
                    TestArticles.article("Fresh")
                            .on(LocalDate.of(2025, 1, 1))
                            .context("A new body.")
                            .build()));
            index.commit(ChangeLogCursor.decode("50;48@1000"));
            assertThat(index.documents()).isEqualTo(1);
        } finally {
            index.destroy();
        }
        try (var reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(reader.getIndexCommit().getUserData())
                    .containsEntry(SearchIndex.SCHEMA, ArticleDocuments.SCHEMA_VERSION);
            assertThat(reader.leaves()
                            .get(0)
                            .reader()
                            .getFieldInfos()
                            .fieldInfo(ArticleDocuments.BODY)
                            .getIndexOptions())
                    .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        }
        // a current index is kept as it is
        SearchIndex again = new SearchIndex(
                new SearchProperties(dir.toString(), true, 8, java.time.Duration.ofSeconds(2)),
                new SiteProperties(dir.toString(), ZoneOffset.UTC, "", false));
        try {
            assertThat(again.documents()).isEqualTo(1);
            assertThat(again.applied().position()).isEqualTo(50);
            assertThat(again.applied().missingIds()).as("kept with the commit").containsExactly(48L);
        } finally {
            again.destroy();
        }
    }
}
