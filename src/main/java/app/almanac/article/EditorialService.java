package app.almanac.article;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.Hashes;
import app.almanac.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editorial workflow: drafts, review, scheduling, publishing, revisions and restore. Every
 * save is a revision with its author and time, guarded by optimistic locking (a save must name the
 * revision it was based on); every change appends to the change log, so pages, feeds and the search
 * index on every node follow.
 */
@Service
public class EditorialService {

    private final ArticleRepository articles;
    private final WorkflowRepository workflow;
    private final ChangeLog changeLog;
    private final JsonMapper json;
    private final Clock clock;
    private final RenderedPages pages;

    EditorialService(
            ArticleRepository articles,
            WorkflowRepository workflow,
            ChangeLog changeLog,
            JsonMapper json,
            Clock clock,
            RenderedPages pages) {
        this.pages = pages;
        this.articles = articles;
        this.workflow = workflow;
        this.changeLog = changeLog;
        this.json = json;
        this.clock = clock;
    }

    /** A new draft; refused when an article with the same date and title exists already. */
    @Transactional
    public Article createDraft(ArticleContent content, String author) {
        String key = ArticleService.identityKey(content);
        Optional<Long> existing = workflow.idOfIdentity(key);
        if (existing.isPresent()) {
            throw new EditorialException("There is already an article of " + content.date() + " titled '"
                    + content.title() + "' (number " + existing.get() + "). Open it from the desk to change it.");
        }
        OffsetDateTime now = now();
        String canonical = json.writeValueAsString(content);
        String slug = uniqueSlug(Slugs.of(content.title()), content, -1);
        long id = articles.insert(key, slug, content, Hashes.sha256(canonical), now);
        workflow.setStatus(id, Status.DRAFT, null, now);
        articles.insertRevision(id, 1, canonical, now, author);
        changeLog.append(ArticleService.ENTITY, id, ChangeLog.Action.CREATED);
        return articles.findAnyById(id).orElseThrow();
    }

    /**
     * Saves {@code content} as the next revision of article {@code id}, if {@code base} is still its
     * current revision; otherwise throws {@link StaleRevisionException} and writes nothing.
     */
    @Transactional
    public Article save(long id, int base, ArticleContent content, String author) {
        Article current = find(id);
        if (current.revision() != base) {
            throw new StaleRevisionException(current, base);
        }
        String canonical = json.writeValueAsString(content);
        String hash = Hashes.sha256(canonical);
        if (hash.equals(Hashes.sha256(json.writeValueAsString(current.content())))) {
            return current;
        }
        String key = ArticleService.identityKey(content);
        if (!key.equals(ArticleService.identityKey(current.content()))) {
            Optional<Long> other = workflow.idOfIdentity(key).filter(o -> o != id);
            if (other.isPresent()) {
                throw new EditorialException("Another article (number " + other.get() + ") already has the date "
                        + content.date() + " and the title '" + content.title() + "'.");
            }
            // a published article keeps its address; a draft's follows its title
            Status status = workflow.state(id).orElseThrow().status();
            String slug =
                    status == Status.PUBLISHED ? current.slug() : uniqueSlug(Slugs.of(content.title()), content, id);
            workflow.updateIdentity(id, key, slug);
        }
        if (!workflow.claim(id, base, base + 1)) {
            throw new StaleRevisionException(find(id), base);
        }
        OffsetDateTime now = now();
        articles.update(id, content, base + 1, hash, now);
        articles.insertRevision(id, base + 1, canonical, now, author);
        changeLog.append(ArticleService.ENTITY, id, ChangeLog.Action.UPDATED);
        pages.evictAfterCommit(id);
        return find(id);
    }

    /** Saves an earlier revision's content as a new revision (history is never rewritten). */
    @Transactional
    public Article restore(long id, int base, int revision, String author) {
        return save(id, base, revision(id, revision), author);
    }

    @Transactional
    public Editorial submitForReview(long id) {
        return move(id, Status.REVIEW, null);
    }

    @Transactional
    public Editorial publish(long id) {
        return move(id, Status.PUBLISHED, null);
    }

    /** Publishes at {@code at}, which must be in the future; any node publishes it when the time comes. */
    @Transactional
    public Editorial schedule(long id, Instant at) {
        if (at == null || !at.isAfter(clock.instant())) {
            throw new EditorialException("A scheduled time must be in the future.");
        }
        return move(id, Status.SCHEDULED, at);
    }

    /** Takes an article off the site; it goes back to being a draft, with its history. */
    @Transactional
    public Editorial unpublish(long id) {
        return move(id, Status.DRAFT, null);
    }

    private Editorial move(long id, Status status, Instant at) {
        state(id);
        workflow.setStatus(id, status, at == null ? null : at.atOffset(ZoneOffset.UTC), now());
        changeLog.append(ArticleService.ENTITY, id, ChangeLog.Action.UPDATED);
        pages.evictAfterCommit(id);
        return state(id);
    }

    /** Publishes scheduled articles whose time has come. Safe on several nodes: each article is published once. */
    @Scheduled(fixedDelayString = "${almanac.desk.schedule-check:15000}")
    @Transactional
    public int publishDue() {
        OffsetDateTime now = now();
        int published = 0;
        for (long id : workflow.due(now)) {
            if (workflow.publishIfDue(id, now)) {
                changeLog.append(ArticleService.ENTITY, id, ChangeLog.Action.UPDATED);
                published++;
            }
        }
        return published;
    }

    /** The article in whatever state it is. */
    @Transactional(readOnly = true)
    public Article find(long id) {
        return articles.findAnyById(id)
                .orElseThrow(() -> new NotFoundException("There is no article number " + id + "."));
    }

    @Transactional(readOnly = true)
    public Editorial state(long id) {
        return workflow.state(id).orElseThrow(() -> new NotFoundException("There is no article number " + id + "."));
    }

    @Transactional(readOnly = true)
    public List<Editorial> byStatus(Status status, int limit) {
        return workflow.byStatus(status, limit);
    }

    @Transactional(readOnly = true)
    public Map<Status, Integer> counts() {
        return workflow.counts();
    }

    /** Revisions newest first. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(long id) {
        state(id);
        return workflow.revisions(id);
    }

    /** What revision {@code revision} of article {@code id} said. */
    @Transactional(readOnly = true)
    public ArticleContent revision(long id, int revision) {
        return workflow.revisionJson(id, revision)
                .map(text -> json.readValue(text, ArticleContent.class))
                .orElseThrow(() -> new NotFoundException("Article " + id + " has no revision " + revision + "."));
    }

    private String uniqueSlug(String titleSlug, ArticleContent content, long self) {
        String candidate = titleSlug;
        for (int n = 1; ; n++) {
            Optional<Long> owner = articles.findSlugOwner(candidate);
            if (owner.isEmpty() || owner.get() == self) {
                return candidate;
            }
            candidate = titleSlug + "-" + content.date() + (n == 1 ? "" : "-" + n);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
