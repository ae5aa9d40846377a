package app.almanac.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every entity and fact at one moment, in memory: what linking, table checks and question
 * generation reason over. It is pure (tests build one by hand), and it answers in three values:
 * a claim is {@link Truth#TRUE} or {@link Truth#FALSE} only when the facts settle it, and
 * {@link Truth#UNKNOWN} when a date is imprecise around the day asked, a fact is contested, or the
 * claim is that something is absent from a list not marked complete.
 */
public final class FactBase {

    /** Three-valued: the facts settle a claim, or they do not. */
    public enum Truth {
        TRUE,
        FALSE,
        UNKNOWN;

        static Truth of(boolean b) {
            return b ? TRUE : FALSE;
        }

        Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }
    }

    /**
     * "The member list of {@code entity} is complete" on the days [from, to) (nulls: open).
     */
    public record Completeness(long entity, LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (to == null || to.isAfter(day));
        }
    }

    private final Map<Long, Entity> entities;
    private final Map<String, Entity> bySlug = new HashMap<>();
    private final List<StoredFact> facts;
    private final Map<Long, List<StoredFact>> byObject = new HashMap<>();
    private final Map<Long, List<StoredFact>> bySubject = new HashMap<>();
    private final Map<Long, List<Completeness>> complete = new HashMap<>();

    public FactBase(Collection<Entity> entities, Collection<StoredFact> facts, Collection<Completeness> complete) {
        this.entities = new HashMap<>();
        for (Entity e : entities) {
            this.entities.put(e.id(), e);
            bySlug.put(e.slug(), e);
        }
        this.facts = facts.stream()
                .filter(f -> !"deprecated".equals(f.rank()))
                .sorted(Comparator.comparing((StoredFact f) ->
                                f.from() == null ? LocalDate.MIN : f.from().earliest())
                        .thenComparing(StoredFact::id))
                .toList();
        for (StoredFact f : this.facts) {
            bySubject.computeIfAbsent(f.subject().id(), k -> new ArrayList<>()).add(f);
            if (f.object() != null) {
                byObject.computeIfAbsent(f.object().id(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        for (Completeness c : complete) {
            this.complete.computeIfAbsent(c.entity(), k -> new ArrayList<>()).add(c);
        }
    }

    public Collection<Entity> entities() {
        return entities.values();
    }

    public Optional<Entity> entity(long id) {
        return Optional.ofNullable(entities.get(id));
    }

    public Optional<Entity> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** Every fact (deprecated ones left out), in the order they began. */
    public List<StoredFact> facts() {
        return facts;
    }

    /** The facts whose object is {@code entity} with one of {@code predicates}. */
    public List<StoredFact> aboutObject(long entity, Set<String> predicates) {
        return byObject.getOrDefault(entity, List.of()).stream()
                .filter(f -> predicates.contains(f.predicate()))
                .toList();
    }

    /** The facts whose subject is {@code entity} with one of {@code predicates}. */
    public List<StoredFact> aboutSubject(long entity, Set<String> predicates) {
        return bySubject.getOrDefault(entity, List.of()).stream()
                .filter(f -> predicates.contains(f.predicate()))
                .toList();
    }

    /**
     * The entity {@code group}'s name meant on {@code day}: before it succeeded another (the CSTO
     * the 1992 treaty), the one it succeeded.
     */
    public long asked(long group, LocalDate day) {
        for (StoredFact f : aboutSubject(group, Set.of("succeeds"))) {
            if (f.object() != null && f.from() != null && f.from().earliest().isAfter(day)) {
                return f.object().id();
            }
        }
        return group;
    }

    /** The entity {@code group} succeeded, if any. */
    public Optional<Entity> predecessor(long group) {
        return aboutSubject(group, Set.of("succeeds")).stream()
                .map(StoredFact::object)
                .filter(o -> o != null)
                .findFirst();
    }

    /** Whether the member list of {@code group} is marked complete on {@code day}. */
    public boolean complete(long group, LocalDate day) {
        return complete.getOrDefault(group, List.of()).stream().anyMatch(c -> c.covers(day));
    }

    /** The membership-like facts between {@code subject} and {@code group}. */
    public List<StoredFact> memberships(long subject, long group) {
        return bySubject.getOrDefault(subject, List.of()).stream()
                .filter(f -> f.object() != null
                        && f.object().id() == group
                        && FactFile.MEMBERSHIPS.contains(f.predicate())
                        && f.status() != null)
                .toList();
    }

    /**
     * Whether {@code subject} is a member of {@code group} on {@code day} (statuses that count as
     * membership, a frozen participation among them). False needs proof: a status that does not
     * count (suspended, observer…) surely holding, or no fact holding while the list is complete.
     */
    public Truth member(long subject, long group, LocalDate day) {
        long asked = asked(group, day);
        boolean unsure = false;
        boolean surelyOther = false;
        for (StoredFact f : memberships(subject, asked)) {
            StoredFact.Holds holds = f.holdsOn(day);
            if (holds == StoredFact.Holds.NO) {
                continue;
            }
            if (f.status().countsAsMembership) {
                if (holds == StoredFact.Holds.YES) {
                    return Truth.TRUE;
                }
                unsure = true;
            } else if (holds == StoredFact.Holds.YES) {
                surelyOther = true;
            } else {
                unsure = true;
            }
        }
        if (unsure) {
            return Truth.UNKNOWN;
        }
        return surelyOther || complete(asked, day) ? Truth.FALSE : Truth.UNKNOWN;
    }

    /** The entities that surely are members of {@code group} on {@code day}, by name. */
    public List<Entity> members(long group, LocalDate day) {
        return candidates(asked(group, day)).stream()
                .filter(s -> member(s.id(), group, day) == Truth.TRUE)
                .sorted(Comparator.comparing(Entity::name))
                .toList();
    }

    /** Members whose membership on {@code day} the facts leave open. */
    public List<Entity> undecidedMembers(long group, LocalDate day) {
        return candidates(asked(group, day)).stream()
                .filter(s -> member(s.id(), group, day) == Truth.UNKNOWN)
                .sorted(Comparator.comparing(Entity::name))
                .toList();
    }

    /** Every entity with any membership-like fact in {@code group}. */
    public List<Entity> candidates(long group) {
        Set<Entity> out = new LinkedHashSet<>();
        for (StoredFact f : byObject.getOrDefault(group, List.of())) {
            if (FactFile.MEMBERSHIPS.contains(f.predicate())) {
                out.add(f.subject());
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code subject} holds a non-member standing {@code status} (observer…) in {@code group} on {@code day}. */
    public Truth standing(long subject, long group, FactStatus status, LocalDate day) {
        boolean unsure = false;
        for (StoredFact f : memberships(subject, asked(group, day))) {
            StoredFact.Holds holds = f.holdsOn(day);
            if (holds == StoredFact.Holds.NO) {
                continue;
            }
            if (f.status() == status) {
                if (holds == StoredFact.Holds.YES) {
                    return Truth.TRUE;
                }
            }
            unsure |= holds == StoredFact.Holds.UNCONFIRMED;
        }
        return unsure ? Truth.UNKNOWN : Truth.FALSE;
    }

    /** The entities that surely hold {@code status} in {@code group} on {@code day}. */
    public List<Entity> withStanding(long group, FactStatus status, LocalDate day) {
        return candidates(asked(group, day)).stream()
                .filter(s -> standing(s.id(), group, status, day) == Truth.TRUE)
                .sorted(Comparator.comparing(Entity::name))
                .toList();
    }

    /**
     * Whether {@code subject} was one of {@code group}'s founding members. False needs the list of
     * founders to be complete (see {@link #foundersComplete}).
     */
    public Truth foundingMember(long subject, long group) {
        List<StoredFact> founders = aboutObject(group, Set.of("founding-member-of"));
        boolean founder = false;
        for (StoredFact f : founders) {
            if (f.subject().id() == subject && f.status() == FactStatus.FOUNDING_MEMBER) {
                if (f.contested()) {
                    return Truth.UNKNOWN;
                }
                founder = true;
            }
        }
        if (founder) {
            return Truth.TRUE;
        }
        return foundersComplete(group) ? Truth.FALSE : Truth.UNKNOWN;
    }

    /**
     * Whether {@code group}'s founders are all recorded: its member list is marked complete from its
     * founding (the day after it, as a mark's start is kept at the last day it could be).
     */
    public boolean foundersComplete(long group) {
        return foundingDay(group).map(d -> complete(group, d.plusDays(1))).orElse(false);
    }

    /** The founders of {@code group}, by name. */
    public List<Entity> founders(long group) {
        return aboutObject(group, Set.of("founding-member-of")).stream()
                .filter(f -> f.status() == FactStatus.FOUNDING_MEMBER)
                .map(StoredFact::subject)
                .distinct()
                .sorted(Comparator.comparing(Entity::name))
                .toList();
    }

    /** The day {@code group} began: its own "founded" fact, else its founders' first day, when exact. */
    public Optional<LocalDate> foundingDay(long group) {
        Optional<StoredFact> founded = founded(group);
        if (founded.isPresent()) {
            Period p = founded.get().from();
            return p != null && p.exact() ? Optional.of(p.earliest()) : Optional.empty();
        }
        return aboutObject(group, Set.of("founding-member-of")).stream()
                .map(StoredFact::from)
                .filter(p -> p != null && p.exact())
                .map(Period::earliest)
                .min(Comparator.naturalOrder());
    }

    /** The "founded" fact of {@code group}, when there is exactly one. */
    public Optional<StoredFact> founded(long group) {
        List<StoredFact> founded = aboutSubject(group, Set.of("founded"));
        return founded.size() == 1
                        && !founded.get(0).contested()
                        && founded.get(0).from() != null
                ? Optional.of(founded.get(0))
                : Optional.empty();
    }

    /** Whether {@code group} was founded in {@code year}. */
    public Truth foundedIn(long group, int year) {
        Optional<StoredFact> founded = founded(group);
        if (founded.isEmpty()) {
            return Truth.UNKNOWN;
        }
        Period p = founded.get().from();
        int first = p.earliest().getYear();
        int last = p.latest().minusDays(1).getYear();
        if (first != last) {
            return Truth.UNKNOWN;
        }
        return Truth.of(first == year);
    }

    /** The headquarters fact of {@code group} on {@code day}, when one surely holds. */
    public Optional<StoredFact> headquarters(long group, LocalDate day) {
        List<StoredFact> held = aboutSubject(group, Set.of("headquarters")).stream()
                .filter(f -> f.object() != null && f.holdsOn(day) != StoredFact.Holds.NO)
                .toList();
        return held.size() == 1 && held.get(0).holdsOn(day) == StoredFact.Holds.YES
                ? Optional.of(held.get(0))
                : Optional.empty();
    }

    /** Whether {@code group}'s headquarters on {@code day} are in {@code city}. */
    public Truth headquarteredIn(long group, long city, LocalDate day) {
        return headquarters(group, day)
                .map(f -> Truth.of(f.object().id() == city))
                .orElse(Truth.UNKNOWN);
    }

    /**
     * Whether {@code subject} had been a member of {@code group} and, on {@code day}, surely no longer
     * is: it left, withdrew or is suspended. False for a member, and for a country that never was one
     * of a complete list.
     */
    public Truth formerMember(long subject, long group, LocalDate day) {
        Truth now = member(subject, group, day);
        if (now != Truth.FALSE) {
            return now == Truth.TRUE ? Truth.FALSE : Truth.UNKNOWN;
        }
        List<StoredFact> all = memberships(subject, group);
        boolean left = all.stream()
                        .anyMatch(f -> (f.status() == FactStatus.SUSPENDED || f.status() == FactStatus.WITHDRAWN)
                                && f.holdsOn(day) == StoredFact.Holds.YES)
                || all.stream()
                        .anyMatch(f -> f.status().countsAsMembership
                                && !f.contested()
                                && f.to() != null
                                && !f.to().latest().isAfter(day));
        if (left) {
            return Truth.TRUE;
        }
        return all.isEmpty() && complete(group, day) ? Truth.FALSE : Truth.UNKNOWN;
    }

    /** The groupings (organisations, groupings, bodies) {@code subject} surely belongs to on {@code day}. */
    public List<Entity> groupingsOf(long subject, LocalDate day) {
        Set<Entity> out = new LinkedHashSet<>();
        for (StoredFact f : bySubject.getOrDefault(subject, List.of())) {
            if (f.object() != null
                    && FactFile.MEMBERSHIPS.contains(f.predicate())
                    && member(subject, f.object().id(), day) == Truth.TRUE) {
                out.add(f.object());
            }
        }
        return List.copyOf(out);
    }
}
