package app.almanac.facts;

import app.almanac.shared.ChangeLog;
import app.almanac.shared.Hashes;
import app.almanac.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one service over facts, used by the pages, the JSON API and the CLI: loading data sets (all
 * or nothing, idempotent) and the as-of queries. "Current" is always "as of a date": a member list
 * is asked for a day, and a fact whose end is imprecise around that day, or contested, answers
 * "unconfirmed" rather than yes or no.
 *
 * <p>Reads run without a transaction: each statement sees committed data, as it would inside one
 * at PostgreSQL's read-committed isolation, and no BEGIN and COMMIT round trips are spent (members
 * as of a day is 5 statements; see {@code MembersAsOfBenchmark}).
 */
@Service
public class FactsService {

    static final String CHANGE_LOG_ENTITY = "fact";
    private static final List<String> MEMBERSHIP_PREDICATES = List.copyOf(FactFile.MEMBERSHIPS);
    private static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);
    private static final LocalDate END = LocalDate.of(9999, 12, 31);

    /**
     * One member (or observer, partner, suspended…) as of a day.
     *
     * @param status what the fact says ({@code participation-frozen}), or {@code unconfirmed} when
     *     the day falls inside an imprecise date or the fact is contested
     * @param recorded the status the fact records, whatever the certainty
     * @param since when the fact began, as precise as its source
     */
    public record Standing(
            Entity entity,
            String status,
            FactStatus recorded,
            boolean counts,
            String since,
            String note,
            List<FactFile.Source> sources) {}

    /** Members of an entity as of a day, and the other standings (observers, partners, suspended, invited). */
    public record Members(
            Entity entity, LocalDate asOf, boolean complete, List<Standing> members, List<Standing> others) {}

    /** The groupings a country (or several) belongs to as of a day. */
    public record Groupings(List<Entity> countries, LocalDate asOf, List<Standing> groupings) {}

    /** Every interval and dated event of an entity. */
    public record Timeline(Entity entity, List<StoredFact> memberships, List<StoredFact> events) {}

    private final FactsRepository repository;
    private final EntityDirectory directory;
    private final FactSnapshot snapshot;
    private final ChangeLog changeLog;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    FactsService(
            FactsRepository repository,
            EntityDirectory directory,
            FactSnapshot snapshot,
            ChangeLog changeLog,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.directory = directory;
        this.snapshot = snapshot;
        this.events = events;
        this.repository = repository;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    /**
     * Drops this node's copies of entities and facts; they are read again on next use. For when the
     * tables changed under a running node without the change log (a restore, a database emptied).
     */
    public void forgetCopies() {
        directory.drop();
        snapshot.drop();
    }

    /** The slugs stored now (files may refer to them without declaring them). */
    public Set<String> knownSlugs() {
        return new HashSet<>(repository.slugs());
    }

    /** What a load did. */
    public record Loaded(int entities, int created, int updated, int unchanged, boolean skipped) {}

    /**
     * Stores parsed files as one data set named {@code name}, in one transaction: entities by slug,
     * facts by their natural key (a reload of the same files changes nothing). Every created or
     * changed fact is recorded with {@code by} and appended to the change log.
     */
    @Transactional
    public Loaded load(String name, List<FactFile.Parsed> files, byte[] content, String by) {
        for (FactFile.Parsed file : files) {
            if (!file.ok()) {
                throw new IllegalArgumentException("refused: " + file.problems());
            }
        }
        String hash = Hashes.sha256(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (repository.datasetHash(name).filter(hash::equals).isPresent()) {
            return new Loaded(0, 0, 0, 0, true);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, Long> ids = new LinkedHashMap<>();
        int entities = 0;
        for (FactFile.Parsed file : files) {
            for (FactFile.Entity e : file.entities()) {
                ids.put(e.slug(), repository.upsert(e, now));
                entities++;
            }
        }
        // one entry tells every node's entity directory to read the entities again
        if (entities > 0) {
            changeLog.append(
                    EntityDirectory.CHANGE_LOG_ENTITY, ids.values().iterator().next(), ChangeLog.Action.UPDATED);
            events.publishEvent(new EntityDirectory.Changed());
        }
        int created = 0, updated = 0, unchanged = 0;
        LocalDate currentTo = null;
        Set<Long> touched = new HashSet<>();
        for (FactFile.Parsed file : files) {
            if (file.currentTo() != null
                    && (currentTo == null || file.currentTo().isAfter(currentTo))) {
                currentTo = file.currentTo();
            }
            for (FactFile.Fact f : file.facts()) {
                long subject = id(ids, f.subject());
                Long object = f.object() == null ? null : id(ids, f.object());
                long page = object != null ? object : subject;
                Optional<StoredFact> stored = repository.byKey(f.naturalKey());
                String after = FactFile.json(f);
                if (stored.isEmpty()) {
                    touched.add(subject);
                    if (object != null) {
                        touched.add(object);
                    }
                    long fact = repository.insert(f, subject, object, now);
                    repository.change(
                            new FactsRepository.NewChange(fact, page, by, null, "created", null, after, null), now);
                    changeLog.append(CHANGE_LOG_ENTITY, fact, ChangeLog.Action.CREATED);
                    created++;
                } else {
                    String before = FactFile.json(stored.get().asFileFact());
                    if (before.equals(after)) {
                        unchanged++;
                        continue;
                    }
                    touched.add(subject);
                    touched.add(stored.get().subject().id());
                    if (stored.get().object() != null) {
                        touched.add(stored.get().object().id());
                    }
                    if (object != null) {
                        touched.add(object);
                    }
                    long fact = stored.get().id();
                    repository.update(fact, f, subject, object, now);
                    repository.change(
                            new FactsRepository.NewChange(fact, page, by, null, "updated", before, after, null), now);
                    changeLog.append(CHANGE_LOG_ENTITY, fact, ChangeLog.Action.UPDATED);
                    updated++;
                }
            }
            for (FactFile.Completeness c : file.complete()) {
                repository.completeness(id(ids, c.entity()), c.from(), c.to(), c.note());
            }
        }
        if (created + updated > 0) {
            events.publishEvent(new FactsChanged(new HashSet<>(touched), by));
        }
        repository.dataset(name, currentTo == null ? LocalDate.now(clock) : currentTo, hash, now);
        return new Loaded(entities, created, updated, unchanged, false);
    }

    private long id(Map<String, Long> ids, String slug) {
        Long id = ids.get(slug);
        return id != null ? id : repository.entityId(slug).orElseThrow();
    }

    /** The entity a slug, abbreviation or name names, case-insensitively. */
    public Entity entity(String name) {
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new NotFoundException("Name an organisation, a grouping or a country.");
        }
        return repository
                .find(name)
                .orElseThrow(() -> new NotFoundException("Almanac has no facts about '" + name + "'."));
    }

    public List<Entity> byKind(String kind) {
        return repository.byKind(kind);
    }

    /** The members of {@code name} as of {@code day}, and the others with a standing in it. */
    public Members members(String name, LocalDate day) {
        Entity entity = entity(name);
        // before an organisation succeeded another (the CSTO the 1992 treaty), its name means its predecessor
        FactsRepository.Asked asked = repository.askedOn(entity.id(), day);
        List<Standing> members = new ArrayList<>();
        List<Standing> others = new ArrayList<>();
        for (StoredFact f : repository.aboutObject(asked.entity(), MEMBERSHIP_PREDICATES, day, day.plusDays(1))) {
            standing(f, f.subject(), day).ifPresent(s -> (s.counts() ? members : others).add(s));
        }
        Comparator<Standing> byName = Comparator.comparing(s -> s.entity().name());
        members.sort(byName);
        others.sort(byName);
        return new Members(entity, day, asked.complete(), members, others);
    }

    /** The groupings {@code country} is a member of (or has another standing in) as of {@code day}. */
    public Groupings groupings(String country, LocalDate day) {
        Entity entity = entity(country);
        List<Standing> out = new ArrayList<>();
        for (StoredFact f : repository.aboutSubject(entity.id(), MEMBERSHIP_PREDICATES, day, day.plusDays(1))) {
            standing(f, f.object(), day).ifPresent(out::add);
        }
        out.sort(Comparator.comparing((Standing s) -> !s.counts())
                .thenComparing(s -> s.entity().name()));
        return new Groupings(List.of(entity), day, out);
    }

    /** The groupings every one of {@code countries} is a member of as of {@code day}. */
    public Groupings common(List<String> countries, LocalDate day) {
        if (countries.isEmpty() || countries.size() > 50) {
            throw new IllegalArgumentException("Name between one and fifty countries.");
        }
        List<Entity> entities = countries.stream().map(this::entity).toList();
        Map<Long, Standing> common = null;
        for (Entity country : entities) {
            Map<Long, Standing> mine = new LinkedHashMap<>();
            for (StoredFact f : repository.aboutSubject(country.id(), MEMBERSHIP_PREDICATES, day, day.plusDays(1))) {
                standing(f, f.object(), day)
                        .filter(Standing::counts)
                        .ifPresent(s -> mine.put(s.entity().id(), s));
            }
            if (common == null) {
                common = mine;
            } else {
                common.keySet().retainAll(mine.keySet());
                for (var e : common.entrySet()) {
                    // one unconfirmed membership makes the answer for all of them unconfirmed
                    if ("unconfirmed".equals(mine.get(e.getKey()).status())) {
                        e.setValue(mine.get(e.getKey()));
                    }
                }
            }
        }
        List<Standing> out = new ArrayList<>(common.values());
        out.sort(Comparator.comparing(s -> s.entity().name()));
        return new Groupings(entities, day, out);
    }

    /** Every membership interval and dated event of {@code name}. */
    public Timeline timeline(String name) {
        Entity entity = entity(name);
        List<StoredFact> memberships = repository.aboutObject(entity.id(), MEMBERSHIP_PREDICATES, BEGINNING, END);
        List<StoredFact> events = new ArrayList<>(repository.aboutSubject(
                entity.id(), List.of("founded", "event", "headquarters", "succeeds"), BEGINNING, END));
        return new Timeline(entity, memberships, events);
    }

    /** The membership facts of {@code name} that began or ended in [from, to). */
    public List<StoredFact> changes(String name, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'.");
        }
        Entity entity = entity(name);
        return repository.aboutObject(entity.id(), MEMBERSHIP_PREDICATES, BEGINNING, END).stream()
                .filter(f -> within(f.from(), from, to) || within(f.to(), from, to))
                .toList();
    }

    /** The facts about an entity itself (founded, headquarters, events) that may hold on {@code day}. */
    public List<StoredFact> about(Entity entity, LocalDate day) {
        return repository
                .aboutSubject(entity.id(), List.of("founded", "headquarters", "event"), BEGINNING, END)
                .stream()
                .filter(f -> f.predicate().equals("founded")
                        || f.predicate().equals("event")
                        || f.holdsOn(day) != StoredFact.Holds.NO)
                .toList();
    }

    /** Every fact of an entity, as subject or object, for editors to pick from. */
    public List<StoredFact> allOf(Entity entity) {
        List<StoredFact> out =
                new ArrayList<>(repository.aboutObject(entity.id(), FactFile.PREDICATES, BEGINNING, END));
        out.addAll(repository.aboutSubject(entity.id(), FactFile.PREDICATES, BEGINNING, END));
        return out;
    }

    /** Everything stored, in the data-file format {@link FactFile} reads: an export loads back as it was. */
    public Map<String, Object> export() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("currentTo", repository.currentTo().map(LocalDate::toString).orElse(null));
        List<Map<String, Object>> entities = new ArrayList<>();
        for (Entity e : repository.allEntities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", e.slug());
            m.put("name", e.name());
            m.put("kind", e.kind());
            m.put("abbreviations", e.abbreviations());
            m.put("aliases", e.aliases());
            m.put("hindi", e.hindi());
            entities.add(m);
        }
        out.put("entities", entities);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (StoredFact f : repository.all()) {
            facts.add(FactFile.map(f.asFileFact()));
        }
        out.put("facts", facts);
        // without these a reloaded export would no longer know which member lists are complete
        Map<Long, String> slugs = new java.util.HashMap<>();
        repository.allEntities().forEach(e -> slugs.put(e.id(), e.slug()));
        List<Map<String, Object>> complete = new ArrayList<>();
        for (FactBase.Completeness c : repository.completenessAll()) {
            if (!slugs.containsKey(c.entity())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entity", slugs.get(c.entity()));
            // stored as the first day after the start's period and the first day of the end's:
            // these days read back to the same stored days (the note is not kept)
            m.put("from", c.from() == null ? null : c.from().minusDays(1).toString());
            m.put("to", c.to() == null ? null : c.to().toString());
            complete.add(m);
        }
        complete.sort(Comparator.comparing(m -> (String) m.get("entity")));
        out.put("complete", complete);
        return out;
    }

    /** The date the loaded data set is current to, if one is loaded. */
    public Optional<LocalDate> currentTo() {
        return repository.currentTo();
    }

    private static boolean within(Period p, LocalDate from, LocalDate to) {
        return p != null && p.earliest().isBefore(to) && p.latest().isAfter(from);
    }

    private static Optional<Standing> standing(StoredFact f, Entity other, LocalDate day) {
        if ("deprecated".equals(f.rank())) {
            return Optional.empty();
        }
        StoredFact.Holds holds = f.holdsOn(day);
        if (holds == StoredFact.Holds.NO || f.status() == null) {
            return Optional.empty();
        }
        return Optional.of(new Standing(
                other,
                holds == StoredFact.Holds.YES ? f.status().code() : "unconfirmed",
                f.status(),
                f.status().countsAsMembership,
                f.from() == null ? null : f.from().text(),
                f.note(),
                f.sources()));
    }
}
