package app.almanac.practice;

import app.almanac.article.Question;
import java.util.Locale;

/**
 * The UPSC formats a question comes in, told from its shape: how it is rendered and filtered.
 * Statement-I/II questions label their statements I and II; "how many" questions ask for a count.
 */
public enum QuestionType {
    SINGLE("single", "Single answer"),
    STATEMENTS("statements", "Statements"),
    HOW_MANY("how-many", "How many are correct"),
    STATEMENT_PAIR("statement-i-ii", "Statement-I and Statement-II"),
    MATCH("match", "Match the pairs");

    /** The name in URLs and JSON. */
    public final String code;

    /** The name people read. */
    public final String label;

    QuestionType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public static QuestionType of(Question q) {
        String stem = q.stem() == null ? "" : q.stem().toLowerCase(Locale.ROOT);
        if (stem.contains("how many")) {
            return HOW_MANY;
        }
        if (q.pairs() != null && !q.pairs().rows().isEmpty()) {
            return MATCH;
        }
        if (q.statements().size() == 2
                && q.statements()
                        .get(0)
                        .label()
                        .replaceAll("(?i)statement|[^IVX]", "")
                        .equals("I")
                && q.statements()
                        .get(1)
                        .label()
                        .replaceAll("(?i)statement|[^IVX]", "")
                        .equals("II")) {
            return STATEMENT_PAIR;
        }
        return q.statements().isEmpty() ? SINGLE : STATEMENTS;
    }

    /** The type named {@code code} in a URL or a request, or null. */
    public static QuestionType parse(String code) {
        for (QuestionType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }
}
