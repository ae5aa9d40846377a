package app.almanac.facts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How facts are written in sentences: dates as precise as their source, names, and sources cited. */
final class FactText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private FactText() {}

    /** "26 February 2024". */
    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** "February 2024": how a stem dates its question, as UPSC papers do. */
    static String month(LocalDate day) {
        return MONTH.format(day);
    }

    /** A period as precise as its source: "2006", "May 1992", "15 May 1992". */
    static String period(Period p) {
        if (p.exact()) {
            return day(p.earliest());
        }
        if (p.latest().equals(p.earliest().plusMonths(1))) {
            return month(p.earliest());
        }
        return String.valueOf(p.earliest().getYear());
    }

    /** "the Collective Security Treaty Organization (CSTO)". */
    static String called(Entity e) {
        String abbreviation = e.abbreviation();
        boolean acronym = abbreviation != null && abbreviation.equals(abbreviation.toUpperCase(Locale.ROOT));
        String name = acronym && !e.name().equals(abbreviation) ? e.name() + " (" + abbreviation + ")" : e.name();
        return article(e) + name;
    }

    /**
     * "the CSTO", "NATO", "BRICS", "India": a short name for a second mention. An initialism takes
     * "the" (the CSTO, the NSG, the G20); an acronym read as a word does not (NATO, ASEAN, OPEC), nor a
     * name that is its own abbreviation (BRICS).
     */
    static String brief(Entity e) {
        String abbreviation = e.abbreviation();
        if (abbreviation == null || !abbreviation.equals(abbreviation.toUpperCase(Locale.ROOT))) {
            return article(e) + e.name();
        }
        return e.name().equals(abbreviation) || spoken(abbreviation) ? abbreviation : "the " + abbreviation;
    }

    /** Whether an acronym is said as a word: four letters or more, not all vowels, no two consonants first, no three in a row. */
    private static boolean spoken(String acronym) {
        if (acronym.length() < 4 || !acronym.chars().allMatch(Character::isLetter)) {
            return false;
        }
        String a = acronym.toLowerCase(Locale.ROOT);
        if (a.chars().allMatch(c -> vowel((char) c)) || !vowel(a.charAt(0)) && !vowel(a.charAt(1))) {
            return false;
        }
        for (int i = 2; i < a.length(); i++) {
            if (!vowel(a.charAt(i)) && !vowel(a.charAt(i - 1)) && !vowel(a.charAt(i - 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static String article(Entity e) {
        if (e.kind().equals("country") || e.kind().equals("city")) {
            return "";
        }
        return e.name().equals(e.abbreviation()) ? "" : "the ";
    }

    /** One membership fact as a clause: "a founding member from 15 May 1992 until 21 April 1999". */
    static String standing(StoredFact f) {
        StringBuilder s = new StringBuilder(f.status().label());
        if (f.from() != null) {
            s.append(" from ").append(period(f.from()));
        }
        if (f.to() != null) {
            s.append(" until ").append(period(f.to()));
        }
        if (f.contested()) {
            s.append(" (sources differ)");
        }
        return s.toString();
    }

    /** A membership fact in a sentence: "a founding member of the CST from 15 May 1992 until 21 April 1999". */
    static String standingIn(StoredFact f, Entity group) {
        String label = f.status().label();
        String article = "aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ";
        String s = standing(f).substring(label.length());
        return switch (f.status()) {
            case PARTICIPATION_FROZEN -> "a member of " + brief(group) + " with its participation frozen" + s;
            case SUSPENDED -> "its membership of " + brief(group) + " suspended" + s;
            case WITHDRAWN -> "withdrawn from " + brief(group) + s;
            case INVITED -> "invited to join " + brief(group) + s;
            default -> article + label + " of " + brief(group) + s;
        };
    }

    /** What a fact that began on its date did, as a sentence's predicate: "froze its participation in the CSTO". */
    static String began(StoredFact f, Entity group) {
        String g = brief(group);
        return switch (f.status()) {
            case PARTICIPATION_FROZEN -> "froze its participation in " + g;
            case SUSPENDED -> "was suspended from " + g;
            case WITHDRAWN -> "withdrew from " + g;
            case OBSERVER -> "became an observer in " + g;
            case INVITED -> "was invited to join " + g;
            case PARTNER, DIALOGUE_PARTNER -> "became a " + f.status().label() + " of " + g;
            case ASSOCIATE_MEMBER -> "became an associate member of " + g;
            default -> "became a member of " + g;
        };
    }

    /** The sources of {@code facts}, each once, as {@code title → url}. */
    static Map<String, String> sources(List<StoredFact> facts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (StoredFact f : facts) {
            for (FactFile.Source s : f.sources()) {
                String title = s.title() != null ? s.title() : s.url();
                if (title != null) {
                    out.putIfAbsent(title, s.url());
                }
            }
        }
        return out;
    }

    /** The most sources an explanation cites by name (the JSON lists them all). */
    static final int CITED = 6;

    /** "Sources: A; B." for an explanation: the first facts' sources first, at most {@value #CITED}. */
    static String cite(List<StoredFact> facts) {
        List<String> titles = new ArrayList<>(sources(facts).keySet());
        titles = titles.subList(0, Math.min(CITED, titles.size()));
        if (titles.isEmpty()) {
            return "";
        }
        return "Sources: " + String.join("; ", titles) + ".";
    }

    /** A fact as the API and the review queue show it: what it says, when, and on what sources. */
    static Map<String, Object> json(StoredFact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("text", describe(f));
        m.put("subject", f.subject().slug());
        m.put("predicate", f.predicate());
        m.put("object", f.object() == null ? null : f.object().slug());
        m.put("value", f.value());
        m.put("status", f.status() == null ? null : f.status().code());
        m.put("from", f.from() == null ? null : f.from().text());
        m.put("to", f.to() == null ? null : f.to().text());
        m.put("contested", f.contested());
        List<Map<String, String>> sources = new ArrayList<>();
        for (FactFile.Source s : f.sources()) {
            Map<String, String> src = new LinkedHashMap<>();
            src.put("title", s.title());
            src.put("url", s.url());
            sources.add(src);
        }
        m.put("sources", sources);
        return m;
    }

    /** "Armenia in the CSTO: participation frozen from 22 February 2024", "CSTO headquarters: Moscow". */
    static String describe(StoredFact f) {
        if (f.status() != null && f.object() != null) {
            return f.subject().name() + " in " + brief(f.object()) + ": " + standing(f);
        }
        String what = f.subject().name() + " " + f.predicate().replace('-', ' ');
        if (f.object() != null) {
            what += ": " + f.object().name();
        }
        if (f.value() != null) {
            what += ": " + f.value();
        }
        if (f.from() != null) {
            what += " (" + period(f.from()) + (f.to() != null ? " to " + period(f.to()) : "") + ")";
        }
        return what;
    }

    /** "A, B or C". */
    static String either(List<String> items) {
        return items.size() <= 1
                ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** "A, B and C". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
