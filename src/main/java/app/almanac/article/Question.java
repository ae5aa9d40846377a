package app.almanac.article;

import java.util.List;

/**
 * A multiple-choice practice question. Questions are records of their own (stored in their own
 * table with a stable id), so later features can quiz, score and schedule them.
 *
 * @param stem        the question as asked
 * @param options     the choices, labelled A, B, C, D…
 * @param answer      the labels of the correct options; empty when the source gave no answer
 * @param explanation why the answer is right, or null
 */
public record Question(String stem, List<Option> options, List<String> answer, String explanation) {

    public Question {
        options = List.copyOf(options);
        answer = List.copyOf(answer);
    }

    /** One labelled choice. */
    public record Option(String label, String text) {}
}
