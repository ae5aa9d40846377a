package app.almanac.facts;

import java.util.Set;

/**
 * Facts about these entities were added, changed, deleted or undone in the transaction that
 * publishes this. Heard before it commits, to check again what depends on them (so the review
 * queue is written with the change, or not at all), and after it, to drop cached copies.
 *
 * @param entities the subjects and objects of the changed facts
 * @param by who changed them
 */
public record FactsChanged(Set<Long> entities, String by) {}
