package app.almanac.bookmark;

import app.almanac.article.ArticleService;
import app.almanac.shared.ChangeLog;
import app.almanac.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's bookmarks. Every query names the owner, so one reader's bookmark is, to anyone else,
 * a bookmark that does not exist (404), never a 403 that would confirm it does.
 */
@Service
class BookmarkService {

    static final String ENTITY = "bookmark";
    static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final ArticleService articles;
    private final ChangeLog changeLog;
    private final Clock clock;

    BookmarkService(JdbcClient jdbc, ArticleService articles, ChangeLog changeLog, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    /** Bookmarks a published article; bookmarking it again keeps the one there is. */
    @Transactional
    public long add(long userId, long articleId) {
        articles.findPublished(articleId)
                .orElseThrow(() -> new NotFoundException("There is no published article " + articleId + "."));
        var existing = jdbc.sql("select id from bookmark where user_id = :user and article_id = :article")
                .param("user", userId)
                .param("article", articleId)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into bookmark (user_id, article_id, created_at) values (:user, :article, :now)")
                    .param("user", userId)
                    .param("article", articleId)
                    .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            return add(userId, articleId);
        }
        long id = keys.getKeyAs(Number.class).longValue();
        changeLog.append(ENTITY, id, ChangeLog.Action.CREATED);
        return id;
    }

    @Transactional(readOnly = true)
    public List<Bookmark> list(long userId) {
        return jdbc.sql("""
                select b.id, b.article_id, a.title, a.slug, a.published_on, a.status, b.note, b.created_at
                from bookmark b join article a on a.id = b.article_id
                where b.user_id = :user order by b.created_at desc, b.id desc""")
                .param("user", userId)
                .query((rs, n) -> {
                    boolean published = "published".equals(rs.getString("status"));
                    LocalDate date = rs.getObject("published_on", LocalDate.class);
                    return new Bookmark(
                            rs.getLong("id"),
                            rs.getLong("article_id"),
                            published ? rs.getString("title") : null,
                            published ? "/articles/" + date + "/" + rs.getString("slug") : null,
                            published ? date : null,
                            rs.getString("note"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    /** Changes the note of one of this user's bookmarks. */
    @Transactional
    public void note(long userId, long bookmarkId, String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note can have at most " + MAX_NOTE + " characters.");
        }
        if (jdbc.sql("update bookmark set note = :note where id = :id and user_id = :user")
                        .param("note", text)
                        .param("id", bookmarkId)
                        .param("user", userId)
                        .update()
                == 0) {
            throw new NotFoundException("You have no bookmark " + bookmarkId + ".");
        }
        changeLog.append(ENTITY, bookmarkId, ChangeLog.Action.UPDATED);
    }

    @Transactional
    public void remove(long userId, long bookmarkId) {
        if (jdbc.sql("delete from bookmark where id = :id and user_id = :user")
                        .param("id", bookmarkId)
                        .param("user", userId)
                        .update()
                == 0) {
            throw new NotFoundException("You have no bookmark " + bookmarkId + ".");
        }
        changeLog.append(ENTITY, bookmarkId, ChangeLog.Action.DELETED);
    }
}
