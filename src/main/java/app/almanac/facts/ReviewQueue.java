package app.almanac.facts;

import app.almanac.article.ArticleWriter;
import app.almanac.article.Edit;
import app.almanac.shared.BadRequestException;
import app.almanac.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * The stale-content review queue: what the facts contradict or have overtaken — a checked or
 * generated question whose key no longer holds, an article table the facts contradict, a "current"
 * row the world has moved past — each with the reason, the facts and their sources. Items are
 * written by {@link ContentFacts}; editors resolve them here. Nothing is changed behind their back:
 * resolving records what the editor did; only "regenerate" makes anything, and then only new
 * questions (a generated question the facts now contradict as of its own date is dropped from
 * marking, like any flawed question).
 */
@Service
public class ReviewQueue {

    /** What an editor does with an item. */
    public enum Resolution {
        REGENERATED,
        EDITED,
        DISMISSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Resolution parse(String code) {
            for (Resolution r : values()) {
                if (r.code().equals(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
            throw new BadRequestException("Resolve an item as regenerated, edited or dismissed, not '" + code + "'.");
        }
    }

    /**
     * One item.
     *
     * @param kind question, table or current
     * @param facts the facts it rests on, each with its text and sources
     * @param edit where an editor fixes it (the article on the desk), or null
     */
    public record Item(
            long id,
            String kind,
            String title,
            String reason,
            List<Map<String, Object>> facts,
            Long articleId,
            Long questionId,
            String status,
            String resolution,
            String note,
            OffsetDateTime createdAt,
            String resolvedBy,
            String edit,
            boolean regenerable) {}

    private final ContentFactsRepository repository;
    private final FactQuestions generated;
    private final ArticleWriter writer;
    private final FactSnapshot snapshot;
    private final Clock clock;

    ReviewQueue(
            ContentFactsRepository repository,
            FactQuestions generated,
            ArticleWriter writer,
            FactSnapshot snapshot,
            Clock clock) {
        this.snapshot = snapshot;
        this.repository = repository;
        this.generated = generated;
        this.writer = writer;
        this.clock = clock;
    }

    /** Items with {@code status} (open, resolved, dismissed), newest first. */
    @Transactional(readOnly = true)
    public List<Item> items(String status, int limit) {
        if (!Set.of("open", "resolved", "dismissed").contains(status)) {
            throw new BadRequestException("status must be open, resolved or dismissed, not '" + status + "'.");
        }
        return repository.items(status, limit).stream().map(this::item).toList();
    }

    @Transactional(readOnly = true)
    public long openCount() {
        return repository.openCount();
    }

    @Transactional(readOnly = true)
    public Item item(long id) {
        return repository
                .item(id)
                .map(this::item)
                .orElseThrow(() -> new NotFoundException("There is no review item " + id + "."));
    }

    /**
     * Resolves open item {@code id} as {@code resolution} with the editor's {@code note} (required to
     * dismiss). Regenerating a generated question's item adds fresh questions of its template and
     * entity as of today to its bank.
     */
    @Transactional
    public Item resolve(long id, String resolution, String note, String editor) {
        Resolution r = Resolution.parse(resolution);
        Item item = item(id);
        if (!item.status().equals("open")) {
            throw new BadRequestException("Item " + id + " is already " + item.status() + ".");
        }
        String n = note == null ? "" : note.strip();
        if (r == Resolution.DISMISSED && n.isEmpty()) {
            throw new BadRequestException("Say in a note why the item is dismissed.");
        }
        if (n.length() > 2000) {
            throw new BadRequestException("The note is " + n.length() + " characters long; keep it to 2,000.");
        }
        if (r == Resolution.REGENERATED) {
            if (!item.regenerable()) {
                throw new BadRequestException("Only a generated question can be regenerated; edit this one instead.");
            }
            ContentFactsRepository.FactQuestion q =
                    repository.question(item.questionId()).orElseThrow();
            Entity entity = entityOf(q);
            LocalDate today = LocalDate.now(clock);
            var batch = generated.generate(entity.slug(), today, List.of(q.template()), 3);
            generated.store(batch);
            if (Claim.Verdict.parse(q.verdict()).broken()) {
                writer.setDropped(q.questionId(), true, Edit.by(editor, "drop", "the facts contradict its key"));
            }
        }
        if (!repository.resolve(id, r.code(), n.isEmpty() ? null : n, editor, now())) {
            throw new BadRequestException("Item " + id + " was resolved meanwhile.");
        }
        return item(id);
    }

    private Entity entityOf(ContentFactsRepository.FactQuestion q) {
        List<Claim> claims = ContentFacts.claims(q.claims());
        long group = groupOf(claims.get(0));
        return snapshot.get()
                .facts()
                .entity(group)
                .orElseThrow(() -> new NotFoundException("The question's entity is no longer known."));
    }

    private static long groupOf(Claim c) {
        if (c.group() != 0) {
            return c.group();
        }
        for (Claim p : c.parts()) {
            long g = groupOf(p);
            if (g != 0) {
                return g;
            }
        }
        return 0;
    }

    private Item item(ContentFactsRepository.Item i) {
        List<Map<String, Object>> facts =
                ContentFacts.JSON.readValue(i.facts(), new TypeReference<List<Map<String, Object>>>() {});
        boolean regenerable = i.questionId() != null
                && repository
                        .question(i.questionId())
                        .map(q -> q.origin().equals("generated"))
                        .orElse(false);
        String edit = i.articleId() != null ? "/desk/articles/" + i.articleId() : null;
        return new Item(
                i.id(),
                i.kind(),
                i.title(),
                i.reason(),
                facts,
                i.articleId(),
                i.questionId(),
                i.status(),
                i.resolution(),
                i.note(),
                i.createdAt(),
                i.resolvedBy(),
                edit,
                regenerable);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
