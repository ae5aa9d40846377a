package app.almanac.desk;

import app.almanac.article.Article;
import app.almanac.article.ArticleContent;
import app.almanac.article.ArticleWriter;
import app.almanac.article.Edit;
import app.almanac.article.Editorial;
import app.almanac.article.EditorialException;
import app.almanac.article.Question;
import app.almanac.article.Status;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Desk actions in the desk's words, carried out by the {@link ArticleWriter} (each one transaction);
 * the audit log hears of them from the writer's events ({@link DeskAudit}).
 */
@Service
class DeskService {

    private final ArticleWriter writer;

    DeskService(ArticleWriter writer) {
        this.writer = writer;
    }

    /** Drafts for every article of a pasted text: all of them, or none when any is refused. */
    List<Article> createDrafts(List<ArticleContent> contents, String editor) {
        return writer.createDrafts(contents, editor);
    }

    Article save(long id, int base, ArticleContent content, String editor) {
        return writer.revise(id, base, content, Edit.by(editor, "save", null));
    }

    Article restore(long id, int base, int revision, String editor) {
        return writer.restore(id, base, revision, editor);
    }

    /** Questions changed through the question editor: the article's next revision with the new list. */
    Article saveQuestions(long id, int base, Article current, List<Question> questions, String editor, String what) {
        return writer.revise(id, base, current.content().withQuestions(questions), Edit.by(editor, "questions", what));
    }

    /** The workflow buttons: submit, publish, schedule (at a time) and unpublish. */
    Editorial move(long id, String action, Instant at, String title, String editor) {
        Status to = switch (action) {
            case "submit" -> Status.REVIEW;
            case "publish" -> Status.PUBLISHED;
            case "schedule" -> Status.SCHEDULED;
            case "unpublish" -> Status.DRAFT;
            default -> throw new EditorialException("There is no action '" + action + "'.");
        };
        String note = title + (to == Status.SCHEDULED && at != null ? " at " + at : "");
        return writer.move(id, to, at, Edit.by(editor, action, note));
    }
}
