package app.almanac.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the organisations, groupings and countries a text names: by name or alias in any case (but
 * written as a proper noun, capital first), by abbreviation in its own case ("ISA", never "isa"),
 * the longest name winning ("Collective Security Treaty Organization" over "Collective Security
 * Treaty"). A form that could mean something else — an abbreviation of up to three letters ("NSG"
 * is also India's National Security Guard, "AU", "ISA") or not in capitals ("Quad"), or a grouping's
 * one-word alias ("Union") — counts
 * only with supporting context in the same text: the full name or a longer alias, a distinctive word
 * of the name ("nuclear" for the NSG), or two of its members named. Pure: built from entities and
 * their members, it reads text and touches nothing.
 */
final class EntityLinker {

    /** Kinds of entity an article is linked to (cities and people are facts' objects, not links). */
    static final Set<String> LINKED_KINDS = Set.of("organisation", "grouping", "treaty", "body", "country");

    /** Words of a name that say nothing about which entity it is. */
    private static final Set<String> GENERIC = Set.of(
            "organisation",
            "organization",
            "group",
            "union",
            "council",
            "international",
            "association",
            "cooperation",
            "co-operation",
            "security",
            "treaty",
            "dialogue",
            "forum",
            "economic",
            "regional",
            "nations",
            "states",
            "united",
            "community",
            "collective",
            "initiative",
            "arrangement",
            "regime",
            "alliance",
            "agreement",
            "south",
            "north",
            "east",
            "west",
            "the",
            "and",
            "for",
            "of",
            "on",
            "in",
            "countries",
            "commonwealth",
            "technical",
            "sectoral",
            "multi");

    /** One place an entity is named. */
    record Mention(long entity, int start, int end, String text) {}

    /** A way an entity is named: its words, whether case must match exactly, whether it needs context. */
    private record Form(Entity entity, String[] words, String text, boolean exactCase, boolean needsContext) {}

    private record Token(String text, String lower, int start, int end) {}

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();
    private final Map<Long, Entity> entities = new HashMap<>();
    private final Map<Long, Set<String>> distinctive = new HashMap<>();
    private final Map<Long, Set<Long>> members;

    /**
     * @param entities every entity (those of other kinds are left out)
     * @param members each grouping's members and former members, for supporting context
     */
    EntityLinker(Collection<Entity> entities, Map<Long, Set<Long>> members) {
        this.members = members;
        for (Entity e : entities) {
            if (!LINKED_KINDS.contains(e.kind())) {
                continue;
            }
            this.entities.put(e.id(), e);
            add(e, e.name(), false, false);
            for (String alias : e.aliases()) {
                // an alias with a bracketed remark ("... (name before 1949)") is named without it
                String plain = alias.replaceAll("\\s*\\(.*\\)\\s*$", "").strip();
                if (!plain.isEmpty()) {
                    // a one-word alias of a grouping may be a word ("Union", "Quadrilateral"); a country's is not
                    add(e, plain, false, words(plain).size() == 1 && !e.kind().equals("country"));
                }
            }
            for (String abbreviation : e.abbreviations()) {
                // up to three letters ("NSG", "ISA", "AU") or not in capitals ("Quad"), it may mean something else
                boolean ambiguous = abbreviation.chars().noneMatch(Character::isDigit)
                        && (abbreviation.length() <= 3 || !abbreviation.equals(abbreviation.toUpperCase(Locale.ROOT)));
                add(e, abbreviation, true, ambiguous);
            }
            Set<String> own = new HashSet<>();
            for (Token t : words(e.name())) {
                if (t.text().length() > 3
                        && !GENERIC.contains(t.lower())
                        && Character.isUpperCase(t.text().charAt(0))) {
                    own.add(t.lower());
                }
            }
            distinctive.put(e.id(), own);
        }
        byFirstWord.values().forEach(forms -> forms.sort(Comparator.comparingInt((Form f) -> -f.words().length)));
    }

    private void add(Entity e, String name, boolean exactCase, boolean needsContext) {
        List<Token> tokens = words(name);
        if (tokens.isEmpty()) {
            return;
        }
        String[] w = tokens.stream().map(Token::lower).toArray(String[]::new);
        byFirstWord.computeIfAbsent(w[0], k -> new ArrayList<>()).add(new Form(e, w, name, exactCase, needsContext));
    }

    /** Every mention in {@code text}, in order, supporting context taken from {@code text} itself. */
    List<Mention> mentions(String text) {
        return mentions(text, text);
    }

    /**
     * Every mention in {@code text}, in order; a form that needs context is kept only when
     * {@code context} (the whole article, say) supports it.
     */
    List<Mention> mentions(String text, String context) {
        List<Token> tokens = words(text);
        List<Mention> raw = new ArrayList<>();
        Map<Long, Boolean> needy = new HashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            Form found = null;
            for (Form f : byFirstWord.getOrDefault(tokens.get(i).lower(), List.of())) {
                if (matches(f, tokens, i, text)) {
                    found = f;
                    break; // longest first
                }
            }
            if (found == null) {
                i++;
                continue;
            }
            Token first = tokens.get(i);
            Token last = tokens.get(i + found.words().length - 1);
            raw.add(new Mention(
                    found.entity().id(), first.start(), last.end(), text.substring(first.start(), last.end())));
            needy.merge(found.entity().id(), found.needsContext(), (a, b) -> a && b);
            i += found.words().length;
        }
        if (!needy.containsValue(true)) {
            return raw;
        }
        Context support = new Context(context);
        return raw.stream()
                .filter(m -> !needy.get(m.entity()) || support.supports(m.entity()))
                .toList();
    }

    /** The entities of {@code text} with the first form each is named by and how often, in order of first mention. */
    Map<Long, Linked> link(String text) {
        Map<Long, Linked> out = new LinkedHashMap<>();
        for (Mention m : mentions(text)) {
            out.merge(m.entity(), new Linked(m.text(), 1), (a, b) -> new Linked(a.mention(), a.count() + 1));
        }
        return out;
    }

    /** How an entity is named in a text: the first form, and the number of mentions. */
    record Linked(String mention, int count) {}

    Entity entity(long id) {
        return entities.get(id);
    }

    private boolean matches(Form f, List<Token> tokens, int at, String text) {
        if (at + f.words().length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < f.words().length; k++) {
            Token t = tokens.get(at + k);
            if (!t.lower().equals(f.words()[k])) {
                return false;
            }
            // the words must follow each other: only spaces or a hyphen between them
            if (k > 0
                    && !text.substring(tokens.get(at + k - 1).end(), t.start()).matches("[\\s\\-–]{1,3}")) {
                return false;
            }
        }
        Token first = tokens.get(at);
        if (f.exactCase()) {
            String written = text.substring(
                    first.start(), tokens.get(at + f.words().length - 1).end());
            return written.replaceAll("[\\s\\-–]+", " ").equals(f.text().replaceAll("[\\s\\-–]+", " "));
        }
        if (!Character.isUpperCase(first.text().charAt(0))
                && !Character.isDigit(first.text().charAt(0))) {
            return false; // a proper noun is written with a capital: "chad" and "china" are words
        }
        // a name inside a longer proper name ("Collective Security Council") is not that name
        if (at > 0 && f.words().length > 1) {
            Token before = tokens.get(at - 1);
            boolean adjacent = text.substring(before.end(), first.start()).matches(" ");
            if (adjacent
                    && Character.isUpperCase(before.text().charAt(0))
                    && !before.lower().equals("the")
                    && !sentenceStart(text, before.start())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sentenceStart(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?:;\n".indexOf(text.charAt(i)) >= 0;
    }

    /** What a whole text says that supports a short form: names, distinctive words, members named. */
    private final class Context {
        private final Set<String> words = new HashSet<>();
        private final Set<Long> named = new HashSet<>();
        private final Set<Long> namedFully = new HashSet<>();

        Context(String text) {
            List<Token> tokens = words(text);
            for (Token t : tokens) {
                words.add(t.lower());
            }
            int i = 0;
            while (i < tokens.size()) {
                Form found = null;
                for (Form f : byFirstWord.getOrDefault(tokens.get(i).lower(), List.of())) {
                    if (matches(f, tokens, i, text)) {
                        found = f;
                        break;
                    }
                }
                if (found == null) {
                    i++;
                    continue;
                }
                named.add(found.entity().id());
                if (!found.needsContext()) {
                    namedFully.add(found.entity().id());
                }
                i += found.words().length;
            }
        }

        boolean supports(long entity) {
            if (namedFully.contains(entity)) {
                return true;
            }
            Set<String> own = distinctive.getOrDefault(entity, Set.of());
            if (!own.isEmpty() && own.stream().anyMatch(words::contains)) {
                return true;
            }
            long membersNamed = members.getOrDefault(entity, Set.of()).stream()
                    .filter(namedFully::contains)
                    .count();
            return membersNamed >= 2;
        }
    }

    /** The words of {@code text}: runs of letters, digits and '+', with where they are. */
    private static List<Token> words(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '+')) {
                    i++;
                }
                String w = text.substring(start, i);
                out.add(new Token(w, w.toLowerCase(Locale.ROOT), start, i));
            } else {
                i++;
            }
        }
        return out;
    }
}
