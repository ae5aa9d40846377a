package app.almanac.search;

import app.almanac.web.AnonymousPages;

/**
 * What {@code almanac doctor} (or the management endpoint {@code /actuator/doctor}) found on one
 * node.
 *
 * @param index the search index against the database
 * @param pages the kept anonymous pages against the database, or null where none are kept (a
 *     command-line process)
 */
public record DoctorReport(IndexCheck index, AnonymousPages.PageCheck pages) {

    /** Whether everything agreed with the database, or was repaired to. */
    public boolean settled() {
        return (index.agrees() || index.repaired()) && (pages == null || pages.outdated() == 0 || pages.evicted());
    }
}
