package app.almanac.facts;

import app.almanac.shared.BadRequestException;
import app.almanac.shared.ChangeLog;
import app.almanac.shared.NotFoundException;
import app.almanac.shared.SignedInUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors' changes to facts on the entity page: add, correct, delete and undo. Each is checked as a
 * data file's fact is (known entities, real dates in order, at least one source) and against the
 * stored facts (no second copy, no overlapping interval of the same membership); each records the
 * whole fact before and after with who made it, and appends to the change log.
 *
 * <p>The changes to one fact form a line, not a tree: an edit must start from the fact's latest
 * change (else someone changed it meanwhile, and the edit is refused rather than silently
 * overwriting theirs), and only the latest change can be undone. An undo is itself a change, so it
 * too can be undone.
 */
@Service
public class FactEdits {

    /** Changes listed on an entity's page. */
    static final int HISTORY = 50;

    /** A change that cannot be made; {@code conflict} when someone else changed the fact meanwhile. */
    public static final class Refused extends BadRequestException {
        public final boolean conflict;

        Refused(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }
    }

    /**
     * A change as the entity page lists it: what happened to which fact, a line per changed field,
     * and whether it can be undone (it is the fact's latest change).
     */
    public record Change(
            long id,
            long factId,
            OffsetDateTime at,
            String by,
            String action,
            String fact,
            List<String> details,
            boolean undoable) {}

    /** A fact to edit, and the change an edit of it starts from. */
    public record Editable(StoredFact fact, Long latestChange) {}

    private final FactsRepository repository;
    private final ChangeLog changeLog;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    FactEdits(
            FactsRepository repository,
            ChangeLog changeLog,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    public Editable editable(long id) {
        StoredFact fact = repository.fact(id).orElseThrow(() -> new NotFoundException("There is no fact " + id + "."));
        return new Editable(fact, repository.latestChange(id).orElse(null));
    }

    /** Adds a fact given in the data-file format; returns its id. */
    @Transactional
    public long create(Map<String, Object> fact, SignedInUser editor) {
        FactFile.Fact f = checked(fact, null);
        long id = repository.insert(f, subjectId(f), objectId(f), now());
        record(id, f, editor, "created", null, FactFile.json(f), null);
        changeLog.append(FactsService.CHANGE_LOG_ENTITY, id, ChangeLog.Action.CREATED);
        return id;
    }

    /**
     * Replaces fact {@code id} with {@code fact}, if the fact's latest change is still {@code startedFrom}
     * (the one the editor's form was made from).
     */
    @Transactional
    public void update(long id, Long startedFrom, Map<String, Object> fact, SignedInUser editor) {
        StoredFact stored = current(id, startedFrom);
        FactFile.Fact f = checked(fact, id);
        String before = FactFile.json(stored.asFileFact());
        String after = FactFile.json(f);
        if (before.equals(after)) {
            return;
        }
        repository.update(id, f, subjectId(f), objectId(f), now());
        record(id, f, editor, "updated", before, after, null);
        changeLog.append(FactsService.CHANGE_LOG_ENTITY, id, ChangeLog.Action.UPDATED);
    }

    /** Deletes fact {@code id} (recorded whole, so it can be undone). */
    @Transactional
    public void delete(long id, Long startedFrom, SignedInUser editor) {
        StoredFact stored = current(id, startedFrom);
        FactFile.Fact f = stored.asFileFact();
        repository.delete(id);
        record(id, f, editor, "deleted", FactFile.json(f), null, null);
        changeLog.append(FactsService.CHANGE_LOG_ENTITY, id, ChangeLog.Action.DELETED);
    }

    /** Undoes change {@code changeId}: the fact returns to its state before it (a deleted fact comes back). */
    @Transactional
    public void undo(long changeId, SignedInUser editor) {
        FactsRepository.Change c = repository
                .change(changeId)
                .orElseThrow(() -> new NotFoundException("There is no change " + changeId + "."));
        if (!Objects.equals(repository.latestChange(c.fact()).orElse(null), c.id())) {
            throw new Refused(
                    "Only the latest change to a fact can be undone: undo the later changes to it first.", true);
        }
        if (c.before() == null) {
            // it was created: undoing removes it
            StoredFact stored = current(c.fact(), c.id());
            FactFile.Fact f = stored.asFileFact();
            repository.delete(c.fact());
            record(c.fact(), f, editor, "undone", c.after(), null, c.id());
            changeLog.append(FactsService.CHANGE_LOG_ENTITY, c.fact(), ChangeLog.Action.DELETED);
            return;
        }
        FactFile.Fact restored = checked(FactFile.parseJson(c.before()), c.fact());
        if (c.after() == null) {
            // it was deleted: it comes back under its id, so its history stays one line
            repository.insert(c.fact(), restored, subjectId(restored), objectId(restored), now());
            changeLog.append(FactsService.CHANGE_LOG_ENTITY, c.fact(), ChangeLog.Action.CREATED);
        } else {
            current(c.fact(), c.id());
            repository.update(c.fact(), restored, subjectId(restored), objectId(restored), now());
            changeLog.append(FactsService.CHANGE_LOG_ENTITY, c.fact(), ChangeLog.Action.UPDATED);
        }
        record(c.fact(), restored, editor, "undone", c.after(), c.before(), c.id());
    }

    /** The latest changes to the facts listed on {@code entity}'s page, newest first. */
    public List<Change> history(Entity entity) {
        Map<String, String> names = new HashMap<>();
        List<Change> out = new ArrayList<>();
        var seen = new HashSet<Long>();
        for (FactsRepository.Change c : repository.changes(entity.id(), HISTORY)) {
            Map<String, Object> before = c.before() == null ? null : FactFile.parseJson(c.before());
            Map<String, Object> after = c.after() == null ? null : FactFile.parseJson(c.after());
            Map<String, Object> shown = after != null ? after : before;
            // newest first: the first change met for a fact is its latest
            boolean latest = seen.add(c.fact())
                    && Objects.equals(repository.latestChange(c.fact()).orElse(null), c.id());
            out.add(new Change(
                    c.id(),
                    c.fact(),
                    c.at(),
                    c.by(),
                    c.action(),
                    summary(shown, names),
                    details(before, after),
                    latest));
        }
        return out;
    }

    /** "Armenia · member of · CSTO · participation frozen · 1994 to —". */
    private String summary(Map<String, Object> f, Map<String, String> names) {
        List<String> parts = new ArrayList<>();
        parts.add(name((String) f.get("subject"), names));
        parts.add(((String) f.get("predicate")).replace('-', ' '));
        if (f.get("object") != null) {
            parts.add(name((String) f.get("object"), names));
        }
        if (f.get("value") != null) {
            parts.add(String.valueOf(f.get("value")));
        }
        if (f.get("status") != null) {
            parts.add(((String) f.get("status")).replace('-', ' '));
        }
        parts.add((f.get("from") == null ? "always" : f.get("from")) + " to "
                + (f.get("to") == null ? "—" : f.get("to")));
        return String.join(" · ", parts);
    }

    private String name(String slug, Map<String, String> names) {
        return names.computeIfAbsent(
                slug, s -> repository.find(s).map(Entity::name).orElse(s));
    }

    /** A line per field that differs: "to: — → 2024-02". */
    private static List<String> details(Map<String, Object> before, Map<String, Object> after) {
        if (before == null || after == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String field : after.keySet()) {
            Object was = before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(was, is)) {
                out.add(
                        field.equals("sources") || field.equals("note")
                                ? field + " changed"
                                : field + ": " + (was == null ? "—" : was) + " → " + (is == null ? "—" : is));
            }
        }
        return out;
    }

    /** The stored fact {@code id}, locked, if its latest change is still {@code startedFrom}. */
    private StoredFact current(long id, Long startedFrom) {
        if (!repository.lock(id)) {
            throw new NotFoundException("There is no fact " + id + ": it may have been deleted meanwhile.");
        }
        if (!Objects.equals(repository.latestChange(id).orElse(null), startedFrom)) {
            throw new Refused(
                    "Someone changed this fact after you opened it: reload it to see their change, then edit again.",
                    true);
        }
        return repository.fact(id).orElseThrow();
    }

    /** The fact in {@code fact}, checked alone and against the others stored ({@code self} excepted). */
    private FactFile.Fact checked(Map<String, Object> fact, Long self) {
        FactFile.Fact f;
        try {
            f = FactFile.one(fact, new HashSet<>(repository.slugs()));
        } catch (IllegalArgumentException e) {
            throw new Refused(capitalised(e.getMessage()) + ".", false);
        }
        Optional<StoredFact> same = repository.byKey(f.naturalKey());
        if (same.isPresent() && !Long.valueOf(same.get().id()).equals(self)) {
            throw new Refused(
                    "This fact is already recorded (fact " + same.get().id() + "): edit that one.", false);
        }
        if (FactFile.MEMBERSHIPS.contains(f.predicate())) {
            long subject = subjectId(f);
            for (StoredFact other : repository.aboutSubject(
                    subject,
                    FactFile.MEMBERSHIPS,
                    java.time.LocalDate.of(1, 1, 1),
                    java.time.LocalDate.of(9999, 12, 31))) {
                if (!Long.valueOf(other.id()).equals(self) && FactFile.overlap(f, other.asFileFact())) {
                    throw new Refused(
                            "This interval overlaps another of the same membership (fact " + other.id() + ", "
                                    + (other.from() == null
                                            ? "always"
                                            : other.from().text()) + " to "
                                    + (other.to() == null ? "—" : other.to().text())
                                    + "): end one where the next begins.",
                            false);
                }
            }
        }
        return f;
    }

    private void record(
            long fact, FactFile.Fact f, SignedInUser editor, String action, String before, String after, Long undoes) {
        long page = f.object() != null ? objectId(f) : subjectId(f);
        repository.change(
                new FactsRepository.NewChange(
                        fact, page, editor.displayName(), editor.id(), action, before, after, undoes),
                now());
        java.util.Set<Long> entities = new HashSet<>();
        for (String state : new String[] {before, after}) {
            if (state != null) {
                Map<String, Object> m = FactFile.parseJson(state);
                for (String end : new String[] {"subject", "object"}) {
                    if (m.get(end) instanceof String slug) {
                        repository.entityId(slug).ifPresent(entities::add);
                    }
                }
            }
        }
        entities.add(subjectId(f));
        if (f.object() != null) {
            entities.add(objectId(f));
        }
        events.publishEvent(new FactsChanged(entities, editor.displayName()));
    }

    private long subjectId(FactFile.Fact f) {
        return repository.entityId(f.subject()).orElseThrow();
    }

    private Long objectId(FactFile.Fact f) {
        return f.object() == null ? null : repository.entityId(f.object()).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
