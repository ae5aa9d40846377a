package app.almanac.facts;

import app.almanac.facts.FactBase.Truth;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one option of a question asserts, in terms the facts decide: "Uzbekistan was not a member of
 * the CSTO on 26 February 2024", "exactly two of these statements are true". Every option of a
 * generated or checked question carries one, so its key is proven when it is made and proven again
 * whenever facts change.
 *
 * @param kind member, founding-member, former-member, headquarters, founded-in, not, all or count
 * @param subject the country (or member) the claim is about, or 0
 * @param group the organisation or grouping, or 0
 * @param city the city of a headquarters claim, or 0
 * @param year the year of a founded-in claim, or 0
 * @param day the day the claim is about, or null when it is timeless (founders, founding year)
 * @param parts the claims a not, all or count claim is made of
 * @param count how many of the parts a count claim says are true
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
record Claim(String kind, long subject, long group, long city, int year, LocalDate day, List<Claim> parts, int count) {

    Claim {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    static Claim member(long subject, long group, LocalDate day) {
        return new Claim("member", subject, group, 0, 0, day, null, 0);
    }

    static Claim foundingMember(long subject, long group) {
        return new Claim("founding-member", subject, group, 0, 0, null, null, 0);
    }

    static Claim formerMember(long subject, long group, LocalDate day) {
        return new Claim("former-member", subject, group, 0, 0, day, null, 0);
    }

    static Claim headquarters(long group, long city, LocalDate day) {
        return new Claim("headquarters", 0, group, city, 0, day, null, 0);
    }

    static Claim foundedIn(long group, int year) {
        return new Claim("founded-in", 0, group, 0, year, null, null, 0);
    }

    static Claim not(Claim claim) {
        return new Claim("not", 0, 0, 0, 0, null, List.of(claim), 0);
    }

    static Claim all(List<Claim> claims) {
        return new Claim("all", 0, 0, 0, 0, null, claims, 0);
    }

    /** Exactly {@code count} of {@code claims} are true. */
    static Claim count(List<Claim> claims, int count) {
        return new Claim("count", 0, 0, 0, 0, null, claims, count);
    }

    /** What the facts say of this claim. */
    Truth eval(FactBase facts) {
        return switch (kind) {
            case "member" -> facts.member(subject, group, day);
            case "founding-member" -> facts.foundingMember(subject, group);
            case "former-member" -> facts.formerMember(subject, group, day);
            case "headquarters" -> facts.headquarteredIn(group, city, day);
            case "founded-in" -> facts.foundedIn(group, year);
            case "not" -> parts.get(0).eval(facts).not();
            case "all" -> {
                Truth out = Truth.TRUE;
                for (Claim c : parts) {
                    Truth t = c.eval(facts);
                    if (t == Truth.FALSE) {
                        yield Truth.FALSE;
                    }
                    if (t == Truth.UNKNOWN) {
                        out = Truth.UNKNOWN;
                    }
                }
                yield out;
            }
            case "count" -> {
                int yes = 0;
                for (Claim c : parts) {
                    Truth t = c.eval(facts);
                    if (t == Truth.UNKNOWN) {
                        yield Truth.UNKNOWN;
                    }
                    yes += t == Truth.TRUE ? 1 : 0;
                }
                yield Truth.of(yes == count);
            }
            default -> throw new IllegalStateException("no claim of kind " + kind);
        };
    }

    /** The entities the claim is about (what makes a change of their facts concern it). */
    List<Long> entities() {
        List<Long> out = new ArrayList<>();
        for (long id : new long[] {subject, group, city}) {
            if (id != 0) {
                out.add(id);
            }
        }
        parts.forEach(p -> out.addAll(p.entities()));
        return out;
    }

    /**
     * How a question with these option claims and key {@code key} (the option's index) fares against
     * the facts: {@code holds} when exactly the keyed option is true and every other false.
     */
    static Verdict verdict(List<Claim> options, List<Integer> key, FactBase facts) {
        List<Integer> yes = new ArrayList<>();
        boolean undecided = false;
        for (int i = 0; i < options.size(); i++) {
            Truth t = options.get(i).eval(facts);
            if (t == Truth.TRUE) {
                yes.add(i);
            } else if (t == Truth.UNKNOWN) {
                undecided = true;
            }
        }
        if (yes.size() > 1) {
            return Verdict.SEVERAL_CORRECT;
        }
        if (yes.size() == 1 && !key.isEmpty() && !key.contains(yes.get(0))) {
            return Verdict.CONTRADICTED;
        }
        if (undecided) {
            return Verdict.UNDECIDED;
        }
        if (yes.isEmpty()) {
            return Verdict.NONE_CORRECT;
        }
        return key.size() == 1 ? Verdict.HOLDS : Verdict.CONTRADICTED;
    }

    /** The outcome of checking a question's key against the facts. */
    enum Verdict {
        HOLDS("holds", "the key holds"),
        CONTRADICTED("contradicted", "the facts give another answer than the key"),
        NONE_CORRECT("none-correct", "no option is correct as of its date"),
        SEVERAL_CORRECT("several-correct", "more than one option is correct as of its date"),
        UNDECIDED("undecided", "the facts do not settle every option");

        final String code;
        final String reason;

        Verdict(String code, String reason) {
            this.code = code;
            this.reason = reason;
        }

        /** Whether an editor must look at it. */
        boolean broken() {
            return this == CONTRADICTED || this == NONE_CORRECT || this == SEVERAL_CORRECT;
        }

        static Verdict parse(String code) {
            for (Verdict v : values()) {
                if (v.code.equals(code)) {
                    return v;
                }
            }
            return UNDECIDED;
        }
    }
}
