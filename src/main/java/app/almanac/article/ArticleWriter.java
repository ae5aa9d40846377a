package app.almanac.article;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.Hashes;
import app.almanac.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way articles and question banks are written, whatever the source (an import, the desk,
 * the scheduler). One set of rules for all of them:
 *
 * <ul>
 *   <li>identity and slug come from {@link ArticleIdentity};
 *   <li>every change is based on a revision and claims the next one with a compare-and-set, so of
 *       two writers only one wins and the other is told ({@link StaleRevisionException}); an
 *       import that meets a revision an editor saved since is refused the same way, not stacked
 *       on top;
 *   <li>every change is a revision with its author, appends to the change log and publishes an
 *       {@link ArticleChanged} in the same transaction (heard by other rooms after commit);
 *   <li>workflow moves are the ones {@link Status#canMoveTo} allows.
 * </ul>
 */
@Service
public class ArticleWriter {

    static final String ENTITY = "article";
    static final String BANK_ENTITY = "question_bank";

    private final ArticleRepository articles;
    private final WorkflowRepository workflow;
    private final QuestionBankRepository banks;
    private final QuestionRepository questions;
    private final ChangeLog changeLog;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    ArticleWriter(
            ArticleRepository articles,
            WorkflowRepository workflow,
            QuestionBankRepository banks,
            QuestionRepository questions,
            ChangeLog changeLog,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.articles = articles;
        this.workflow = workflow;
        this.banks = banks;
        this.questions = questions;
        this.changeLog = changeLog;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores imported content: a new, published article (a draft that needs a date when the page gave
     * none: never dated today); a new revision of the article with the same identity; or nothing when
     * the content is what is stored. Refused with an {@link EditorialException} when an editor has
     * saved a revision since the last import.
     */
    @Transactional
    public SaveResult save(ArticleContent content) {
        ArticleIdentity identity = ArticleIdentity.of(content);
        String canonical = json.writeValueAsString(content);
        String hash = Hashes.sha256(canonical);
        var stored = articles.findIdentity(identity.key());
        if (stored.isEmpty() && content.date() != null) {
            // the same page imported before without a date waits as a draft: now that the day is known it is
            // that article, dated and published as any import is (an editor's own draft is left to the editor)
            var undated = articles.findIdentity(new ArticleIdentity(null, content.title()).key())
                    .filter(u ->
                            Edit.IMPORT.equals(u.savedBy()) && state(u.id()).status() == Status.DRAFT);
            if (undated.isPresent()) {
                revise(undated.get().id(), undated.get().revision(), content, Edit.byImport());
                move(undated.get().id(), Status.PUBLISHED, null, Edit.byImport());
                return new SaveResult(find(undated.get().id()), SaveResult.Outcome.UPDATED);
            }
        }
        if (stored.isEmpty()) {
            return new SaveResult(
                    create(
                            identity,
                            content,
                            content.date() == null ? Status.DRAFT : Status.PUBLISHED,
                            Edit.byImport()),
                    SaveResult.Outcome.CREATED);
        }
        var current = stored.get();
        if (current.contentHash().equals(hash)) {
            return new SaveResult(
                    new Article(current.id(), current.slug(), current.revision(), content),
                    SaveResult.Outcome.UNCHANGED);
        }
        if (!Edit.IMPORT.equals(current.savedBy())) {
            // an import is based on the last imported revision: an editor's work since is not overwritten
            throw new EditorialException(
                    "'" + content.title() + "' of " + content.date() + " was changed on the desk by "
                            + current.savedBy() + " (revision " + current.revision() + ") since it was imported;"
                            + " the import did not overwrite it");
        }
        return new SaveResult(
                revise(current.id(), current.revision(), content, Edit.byImport()), SaveResult.Outcome.UPDATED);
    }

    /** Drafts for every article of a pasted text: all of them, or none when any is refused. */
    @Transactional
    public List<Article> createDrafts(List<ArticleContent> contents, String editor) {
        List<Article> created = new ArrayList<>();
        for (ArticleContent content : contents) {
            ArticleIdentity identity = ArticleIdentity.of(content);
            Optional<Long> existing = articles.findIdentity(identity.key()).map(ArticleRepository.StoredIdentity::id);
            if (existing.isPresent()) {
                throw new EditorialException("There is already an article of " + content.date() + " titled '"
                        + content.title() + "' (number " + existing.get() + "). Open it from the desk to change it.");
            }
            created.add(create(identity, content, Status.DRAFT, Edit.by(editor, "create", content.title())));
        }
        return created;
    }

    /**
     * Saves {@code content} as the next revision of article {@code id}, if {@code base} is still its
     * current revision; otherwise throws {@link StaleRevisionException} and writes nothing. Content
     * equal to the current revision's is no change.
     */
    @Transactional
    public Article revise(long id, int base, ArticleContent content, Edit edit) {
        Article current = find(id);
        if (current.revision() != base) {
            throw new StaleRevisionException(current, base);
        }
        String canonical = json.writeValueAsString(content);
        String hash = Hashes.sha256(canonical);
        if (hash.equals(Hashes.sha256(json.writeValueAsString(current.content())))) {
            return current;
        }
        if (content.date() == null && state(id).status() != Status.DRAFT) {
            throw new EditorialException("Only a draft may be without a publication date; '" + content.title() + "' is "
                    + state(id).status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        ArticleIdentity identity = ArticleIdentity.of(content);
        if (!identity.key().equals(ArticleIdentity.of(current.content()).key())) {
            Optional<Long> other = articles.findIdentity(identity.key())
                    .map(ArticleRepository.StoredIdentity::id)
                    .filter(o -> o != id);
            if (other.isPresent()) {
                throw new EditorialException("Another article (number " + other.get() + ") already has the date "
                        + content.date() + " and the title '" + content.title() + "'.");
            }
            // a published article keeps its address; a draft's follows its title
            Status status = state(id).status();
            String slug = status == Status.PUBLISHED ? current.slug() : slugFor(identity, id);
            workflow.updateIdentity(id, identity.key(), slug);
        }
        if (!workflow.claim(id, base, base + 1)) {
            throw new StaleRevisionException(find(id), base);
        }
        OffsetDateTime now = now();
        articles.update(id, content, base + 1, hash, now);
        articles.insertRevision(id, base + 1, canonical, now, edit.author());
        changed(id, base + 1, state(id).status(), ChangeLog.Action.UPDATED, edit);
        return find(id);
    }

    /** Saves an earlier revision's content as a new revision (history is never rewritten). */
    @Transactional
    public Article restore(long id, int base, int revision, String editor) {
        ArticleContent earlier = workflow.revisionJson(id, revision)
                .map(text -> json.readValue(text, ArticleContent.class))
                .orElseThrow(() -> new NotFoundException("Article " + id + " has no revision " + revision + "."));
        return revise(
                id,
                base,
                earlier,
                Edit.by(editor, "restore", "revision " + revision + " restored as revision " + (base + 1)));
    }

    /**
     * Moves article {@code id} to {@code to} ({@code at} is the time, for {@link Status#SCHEDULED},
     * which must be in the future); refused with {@link ForbiddenMoveException} when its status does
     * not allow the move.
     */
    @Transactional
    public Editorial move(long id, Status to, Instant at, Edit edit) {
        Editorial state = state(id);
        if (!state.status().canMoveTo(to)) {
            throw new ForbiddenMoveException(state.status(), to);
        }
        if ((to == Status.PUBLISHED || to == Status.SCHEDULED) && state.needsDate()) {
            throw new EditorialException("'" + state.title() + "' has no publication date yet: add the day it was"
                    + " published (date: YYYY-MM-DD at the top of the text) and save before publishing it.");
        }
        if (to == Status.SCHEDULED && (at == null || !at.isAfter(clock.instant()))) {
            throw new EditorialException("A scheduled time must be in the future.");
        }
        workflow.setStatus(id, to, to == Status.SCHEDULED ? at.atOffset(ZoneOffset.UTC) : null, now());
        changed(id, state.revision(), to, ChangeLog.Action.UPDATED, edit);
        return state(id);
    }

    /**
     * Publishes scheduled articles whose time has come ({@link ScheduledPublishing} runs it on one
     * node at a time); each article once even so: the publication is a conditional update.
     */
    @Transactional
    public int publishDue() {
        OffsetDateTime now = now();
        int published = 0;
        for (long id : workflow.due(now)) {
            if (workflow.publishIfDue(id, now)) {
                changed(
                        id,
                        state(id).revision(),
                        Status.PUBLISHED,
                        ChangeLog.Action.UPDATED,
                        new Edit(Edit.SCHEDULER, "publish", "scheduled publication"));
                published++;
            }
        }
        return published;
    }

    /**
     * Stores a question bank: a bank is the same bank when its title is (see {@link
     * ArticleIdentity#ofBank}); identical content is unchanged, different content a new revision,
     * and each question keeps its id while it stays at its position.
     */
    @Transactional
    public QuestionBankService.BankSaveResult save(QuestionBankContent content) {
        ArticleIdentity identity = ArticleIdentity.ofBank(content.title());
        String hash = Hashes.sha256(json.writeValueAsString(content));
        // a bank is found by its slug; two titles with one slug take the next slug, so they never merge
        String slug = null;
        Optional<QuestionBankRepository.Stored> stored = Optional.empty();
        for (String candidate : (Iterable<String>) identity.slugCandidates()::iterator) {
            stored = banks.findBySlug(candidate);
            if (stored.isEmpty() || identity.sameTitle(stored.get().title())) {
                slug = candidate;
                break;
            }
        }
        if (stored.isPresent() && stored.get().hash().equals(hash)) {
            return new QuestionBankService.BankSaveResult(banks.find(slug).orElseThrow(), SaveResult.Outcome.UNCHANGED);
        }
        OffsetDateTime now = now();
        long id;
        SaveResult.Outcome outcome;
        if (stored.isPresent()) {
            id = stored.get().id();
            if (!banks.claim(id, stored.get().revision(), content.title(), hash, now)) {
                throw new EditorialException("The question bank '" + content.title() + "' was changed meanwhile.");
            }
            outcome = SaveResult.Outcome.UPDATED;
        } else {
            id = banks.insert(slug, content.title(), hash, now);
            outcome = SaveResult.Outcome.CREATED;
        }
        banks.replaceQuestions(id, content.questions());
        changeLog.append(
                BANK_ENTITY,
                id,
                outcome == SaveResult.Outcome.CREATED ? ChangeLog.Action.CREATED : ChangeLog.Action.UPDATED);
        return new QuestionBankService.BankSaveResult(banks.find(slug).orElseThrow(), outcome);
    }

    private Article create(ArticleIdentity identity, ArticleContent content, Status status, Edit edit) {
        OffsetDateTime now = now();
        String canonical = json.writeValueAsString(content);
        long id =
                articles.insert(identity.key(), slugFor(identity, -1), content, Hashes.sha256(canonical), status, now);
        articles.insertRevision(id, 1, canonical, now, edit.author());
        changed(id, 1, status, ChangeLog.Action.CREATED, edit);
        return find(id);
    }

    /**
     * Drops question {@code questionId} from marking, or takes it back (a flawed question: UPSC
     * awards no marks and takes none for it). Recorded like any change of its article, and
     * announced with {@link QuestionsRemarked} so that attempts holding it are marked again.
     */
    @Transactional
    public void setDropped(long questionId, boolean dropped, Edit edit) {
        long articleId = questions
                .articleOf(questionId)
                .orElseThrow(() -> new NotFoundException("There is no question " + questionId + "."));
        questions.setDropped(questionId, dropped);
        if (articleId != 0) {
            Editorial state = workflow.state(articleId).orElseThrow();
            changed(articleId, find(articleId).revision(), state.status(), ChangeLog.Action.UPDATED, edit);
        }
        events.publishEvent(new QuestionsRemarked(List.of(questionId)));
    }

    /** The first free slug of the identity's candidates ({@code self} may keep its own). */
    private String slugFor(ArticleIdentity identity, long self) {
        return identity.slugCandidates()
                .filter(slug ->
                        articles.findSlugOwner(slug).map(owner -> owner == self).orElse(true))
                .findFirst()
                .orElseThrow();
    }

    /** The one place an article change is recorded: the change log, and the event heard after commit. */
    private void changed(long id, int revision, Status status, ChangeLog.Action action, Edit edit) {
        changeLog.append(ENTITY, id, action);
        events.publishEvent(new ArticleChanged(id, revision, status, edit));
    }

    private Article find(long id) {
        return articles.findAnyById(id)
                .orElseThrow(() -> new NotFoundException("There is no article number " + id + "."));
    }

    private Editorial state(long id) {
        return workflow.state(id).orElseThrow(() -> new NotFoundException("There is no article number " + id + "."));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
