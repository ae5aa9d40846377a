package app.almanac.facts;

import java.util.List;

/**
 * Something facts are about: an organisation, a grouping, a country, a city…
 *
 * @param abbreviations short forms, matched with their case ("ISA" is not "isa")
 * @param aliases other names, matched in any case
 */
public record Entity(
        long id,
        String slug,
        String name,
        String kind,
        List<String> abbreviations,
        List<String> aliases,
        String hindi) {

    /** The first abbreviation, or null. */
    public String abbreviation() {
        return abbreviations.isEmpty() ? null : abbreviations.get(0);
    }
}
