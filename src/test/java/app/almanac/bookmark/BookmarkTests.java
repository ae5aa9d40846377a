package app.almanac.bookmark;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.AlmanacTest;
import app.almanac.TestArticles;
import app.almanac.TestSession;
import app.almanac.account.AccountService;
import app.almanac.account.Role;
import app.almanac.article.Article;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Edit;
import app.almanac.article.Status;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A learner's bookmarks over HTTP. */
@AlmanacTest
class BookmarkTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleWriter writer;

    @Test
    void aBookmarkOfAnArticleTakenOffTheSiteShowsNothingAnEditorChangedSince() {
        accounts.add("test", "saver@example.org", "Sam", PASSWORD, Role.LEARNER);
        Article article = writer.save(TestArticles.article("Kingfisher survey published")
                        .context("A public context line.")
                        .build())
                .article();
        TestSession learner = TestSession.signedIn(port, "saver@example.org", PASSWORD);
        assertThat(learner.post("/bookmarks", Map.of("article", Long.toString(article.id())))
                        .statusCode())
                .isEqualTo(302);
        assertThat(learner.get("/bookmarks").body()).contains("Kingfisher survey published", article.path());

        writer.move(article.id(), Status.DRAFT, null, Edit.by("eda@example.org", "unpublish", null));
        writer.revise(
                article.id(),
                article.revision(),
                TestArticles.copyOf(article.content())
                        .title("Secret retitled draft")
                        .build(),
                Edit.by("eda@example.org", "save", null));

        Document page = Jsoup.parse(learner.get("/bookmarks").body());
        assertThat(page.text()).doesNotContain("Secret retitled draft").contains("no longer published");
        assertThat(page.select("a[href^=/articles/]"))
                .as("no link to where the draft now is")
                .isEmpty();
    }
}
