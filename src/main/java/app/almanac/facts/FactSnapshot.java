package app.almanac.facts;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.ChangeLogCursor;
import app.almanac.shared.ChangeLogFollower;
import app.almanac.shared.ChangeLogSubscriber;
import app.almanac.shared.Hashes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node's copy of every entity and fact as a {@link FactBase}, with the {@link EntityLinker}
 * built from it: read once, reused by every link, check and generation, and dropped when facts
 * change (here after the commit, on other nodes through the change log, which also drops the kept
 * article pages there). A transaction that changed facts reads its own fresh copy and never keeps it.
 */
@Component
class FactSnapshot implements ChangeLogSubscriber {

    /** A reading: the facts, the linker, and a hash of every entity's names (what links depend on). */
    record Reading(FactBase facts, EntityLinker linker, String namesVersion) {}

    private final FactsRepository repository;
    private final AtomicLong generation = new AtomicLong();
    private volatile Reading reading;
    private volatile ChangeLogCursor cursor;

    private final app.almanac.web.AnonymousPages pages;

    FactSnapshot(FactsRepository repository, ChangeLogFollower follower, app.almanac.web.AnonymousPages pages) {
        this.pages = pages;
        this.repository = repository;
        this.cursor = follower.start();
    }

    /** The facts as committed, or as this transaction sees them when it changed facts ({@code fresh}). */
    Reading get(boolean fresh) {
        Reading r = reading;
        if (r != null && !fresh) {
            return r;
        }
        long before = generation.get();
        Reading read = read();
        if (!fresh && generation.get() == before && !TransactionSynchronizationManager.isActualTransactionActive()) {
            reading = read;
        }
        return read;
    }

    Reading get() {
        return get(false);
    }

    private Reading read() {
        List<Entity> entities = repository.allEntities();
        FactBase facts = new FactBase(entities, repository.all(), repository.completenessAll());
        Map<Long, Set<Long>> members = new HashMap<>();
        for (StoredFact f : facts.facts()) {
            if (f.object() != null && FactFile.MEMBERSHIPS.contains(f.predicate())) {
                members.computeIfAbsent(f.object().id(), k -> new HashSet<>())
                        .add(f.subject().id());
            }
        }
        StringBuilder names = new StringBuilder();
        entities.stream()
                .sorted(Comparator.comparing(Entity::slug))
                .forEach(e -> names.append(e.slug())
                        .append('|')
                        .append(e.name())
                        .append('|')
                        .append(e.kind())
                        .append(e.abbreviations())
                        .append(e.aliases())
                        .append('\n'));
        return new Reading(facts, new EntityLinker(entities, members), Hashes.sha256(names.toString()));
    }

    /** Facts or entities changed in the transaction now ending: the copy is read again after it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void on(FactsChanged changed) {
        drop();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void on(EntityDirectory.Changed changed) {
        drop();
    }

    void drop() {
        generation.incrementAndGet();
        reading = null;
    }

    @Override
    public String name() {
        return "fact snapshot";
    }

    @Override
    public ChangeLogCursor cursor() {
        return cursor;
    }

    @Override
    public void apply(List<ChangeLog.Entry> entries, ChangeLogCursor next) {
        if (entries.stream()
                .anyMatch(e -> FactsService.CHANGE_LOG_ENTITY.equals(e.entity())
                        || EntityDirectory.CHANGE_LOG_ENTITY.equals(e.entity()))) {
            drop();
            // another node's change may bring or take away a page's "Since this analysis" note
            pages.evictAll();
        }
        cursor = next;
    }
}
