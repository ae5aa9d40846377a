package app.almanac.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shipped data set as a {@link FactBase}, without a database: for pure tests and benchmarks. */
public final class ShippedFacts {

    private static FactBase base;

    private ShippedFacts() {}

    public static synchronized FactBase base() {
        if (base == null) {
            base = build(FactsDataSet.parseShipped(Set.of()));
        }
        return base;
    }

    /** A linker over the shipped entities, with members for supporting context. */
    static EntityLinker linker(FactBase facts) {
        Map<Long, Set<Long>> members = new LinkedHashMap<>();
        for (StoredFact f : facts.facts()) {
            if (f.object() != null && FactFile.MEMBERSHIPS.contains(f.predicate())) {
                members.computeIfAbsent(f.object().id(), k -> new LinkedHashSet<>())
                        .add(f.subject().id());
            }
        }
        return new EntityLinker(facts.entities(), members);
    }

    static FactBase build(List<FactFile.Parsed> files) {
        // an entity declared in several files is one entity with all their names, as a load makes it
        Map<String, FactFile.Entity> declared = new LinkedHashMap<>();
        for (FactFile.Parsed file : files) {
            for (FactFile.Entity e : file.entities()) {
                FactFile.Entity known = declared.get(e.slug());
                if (known == null) {
                    declared.put(e.slug(), e);
                } else {
                    Set<String> abbreviations = new LinkedHashSet<>(known.abbreviations());
                    abbreviations.addAll(e.abbreviations());
                    Set<String> aliases = new LinkedHashSet<>(known.aliases());
                    aliases.addAll(e.aliases());
                    declared.put(
                            e.slug(),
                            new FactFile.Entity(
                                    e.slug(),
                                    e.name(),
                                    e.kind(),
                                    List.copyOf(abbreviations),
                                    List.copyOf(aliases),
                                    e.hindi()));
                }
            }
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        long id = 1;
        for (FactFile.Entity e : declared.values()) {
            entities.put(
                    e.slug(),
                    new Entity(id++, e.slug(), e.name(), e.kind(), e.abbreviations(), e.aliases(), e.hindi()));
        }
        List<StoredFact> facts = new ArrayList<>();
        List<FactBase.Completeness> complete = new ArrayList<>();
        long factId = 1;
        for (FactFile.Parsed file : files) {
            for (FactFile.Fact f : file.facts()) {
                facts.add(new StoredFact(
                        factId++,
                        entities.get(f.subject()),
                        f.predicate(),
                        f.object() == null ? null : entities.get(f.object()),
                        f.value(),
                        f.status(),
                        f.from(),
                        f.to(),
                        f.rank() == null ? "normal" : f.rank(),
                        f.contested(),
                        f.note(),
                        f.sources()));
            }
            for (FactFile.Completeness c : file.complete()) {
                // stored as the repository stores it: from the last day the start could be, to the first the end could
                complete.add(new FactBase.Completeness(
                        entities.get(c.entity()).id(),
                        c.from() == null ? null : c.from().latest(),
                        c.to() == null ? null : c.to().earliest()));
            }
        }
        return new FactBase(entities.values(), facts, complete);
    }
}
