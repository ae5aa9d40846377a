package app.almanac.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A practice question. Questions are records of their own (stored in their own table with a
 * stable id), so later features can quiz, score and schedule them.
 *
 * @param stem        the question as asked (for statement questions: the lead-in and the
 *                    closing line, separated by a blank line; the statements are separate)
 * @param statements  the numbered statements of "Consider the following statements" questions,
 *                    or Statement-I / Statement-II; empty otherwise
 * @param pairs       the table of "Consider the following pairs" questions, or null
 * @param options     the choices, labelled A, B, C, D…; empty for a descriptive (mains) question
 * @param answer      the labels of the correct options; empty when the source gave no answer
 * @param explanation why the answer is right, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Question(
        String stem,
        List<Statement> statements,
        Pairs pairs,
        List<Option> options,
        List<String> answer,
        String explanation) {

    public Question {
        statements = statements == null ? List.of() : List.copyOf(statements);
        options = options == null ? List.of() : List.copyOf(options);
        answer = answer == null ? List.of() : List.copyOf(answer);
    }

    /** A multiple-choice question without statements or pairs. */
    public Question(String stem, List<Option> options, List<String> answer, String explanation) {
        this(stem, List.of(), null, options, answer, explanation);
    }

    /** One labelled choice. */
    public record Option(String label, String text) {}

    /** One statement, labelled as the source labels it ("1", "2" or "I", "II"). */
    public record Statement(String label, String text) {}

    /**
     * The pairs of a match-the-pairs question.
     *
     * @param header the column names ("Port", "Country"), or empty
     * @param rows   each row's cells, left to right
     */
    public record Pairs(List<String> header, List<List<String>> rows) {
        public Pairs {
            header = header == null ? List.of() : List.copyOf(header);
            rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
        }
    }
}
