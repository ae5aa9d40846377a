package app.almanac.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A fact as stored: subject, predicate, object or value, the half-open interval [from, to) with
 * the precision of each end, status, rank, contested flag and sources.
 */
public record StoredFact(
        long id,
        Entity subject,
        String predicate,
        Entity object,
        String value,
        FactStatus status,
        Period from,
        Period to,
        String rank,
        boolean contested,
        String note,
        List<FactFile.Source> sources) {

    /**
     * Whether the fact holds on {@code day}: {@code YES}, {@code NO}, or {@code UNCONFIRMED} when
     * the day falls inside an imprecise end (a year-only start, say) or the fact is contested.
     */
    public Holds holdsOn(LocalDate day) {
        // surely begun: the last day the start could be is on or before the day; surely not ended: the end's first day
        // is after it
        boolean surely = (from == null || !from.latest().isAfter(day.plusDays(1)))
                && (to == null || day.isBefore(to.earliest()));
        // it ends at the start of some day of the end's period: possibly still on if that could be after the day
        boolean possibly = (from == null || !from.earliest().isAfter(day))
                && (to == null || day.isBefore(to.latest().minusDays(1)));
        if (!possibly) {
            return Holds.NO;
        }
        return surely && !contested ? Holds.YES : Holds.UNCONFIRMED;
    }

    /** The fact as a data file states it (the format exports, changes and edits use). */
    public FactFile.Fact asFileFact() {
        return new FactFile.Fact(
                0,
                subject.slug(),
                predicate,
                object == null ? null : object.slug(),
                value,
                status,
                from,
                to,
                contested,
                note,
                rank,
                sources);
    }

    /** Whether a fact holds on a day. */
    public enum Holds {
        YES,
        NO,
        UNCONFIRMED
    }
}
