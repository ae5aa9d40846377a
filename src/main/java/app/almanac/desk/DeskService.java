package app.almanac.desk;

import app.almanac.account.AuditLog;
import app.almanac.article.Article;
import app.almanac.article.ArticleContent;
import app.almanac.article.Editorial;
import app.almanac.article.EditorialService;
import app.almanac.article.Question;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Desk actions: each one is a single transaction with its audit entry, so both happen or neither does. */
@Service
class DeskService {

    private final EditorialService editorial;
    private final AuditLog audit;

    DeskService(EditorialService editorial, AuditLog audit) {
        this.editorial = editorial;
        this.audit = audit;
    }

    /** Drafts for every article of a pasted text: all of them, or none when any is refused. */
    @Transactional
    List<Article> createDrafts(List<ArticleContent> contents, String editor) {
        List<Article> created = new ArrayList<>();
        for (ArticleContent content : contents) {
            Article article = editorial.createDraft(content, editor);
            audit.record(
                    editor, "desk.create", target(article), article.content().title());
            created.add(article);
        }
        return created;
    }

    @Transactional
    Article save(long id, int base, ArticleContent content, String editor) {
        Article saved = editorial.save(id, base, content, editor);
        if (saved.revision() != base) {
            audit.record(editor, "desk.save", target(saved), "revision " + saved.revision());
        }
        return saved;
    }

    @Transactional
    Article restore(long id, int base, int revision, String editor) {
        Article saved = editorial.restore(id, base, revision, editor);
        audit.record(
                editor,
                "desk.restore",
                target(saved),
                "revision " + revision + " restored as revision " + saved.revision());
        return saved;
    }

    /** Questions changed through the question editor: the article's next revision with the new list. */
    @Transactional
    Article saveQuestions(long id, int base, List<Question> questions, String editor, String what) {
        Article saved = editorial.save(id, base, editorial.find(id).content().withQuestions(questions), editor);
        audit.record(editor, "desk.questions", target(saved), what);
        return saved;
    }

    @Transactional
    Editorial move(long id, String action, Instant at, String editor) {
        Editorial moved = switch (action) {
            case "submit" -> editorial.submitForReview(id);
            case "publish" -> editorial.publish(id);
            case "schedule" -> editorial.schedule(id, at);
            case "unpublish" -> editorial.unpublish(id);
            default -> throw new app.almanac.article.EditorialException("There is no action '" + action + "'.");
        };
        audit.record(
                editor,
                "desk." + action,
                "article " + id,
                moved.title() + (at != null && action.equals("schedule") ? " at " + at : ""));
        return moved;
    }

    private static String target(Article article) {
        return "article " + article.id();
    }
}
