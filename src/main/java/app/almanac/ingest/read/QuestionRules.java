package app.almanac.ingest.read;

import app.almanac.article.Question;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The rules every question obeys, whatever it was read from (text, Markdown, JSON, a saved page) and
 * however large: some text, two or more options or none, unique labels of sane length, and an
 * answer among the options. Each reader says where a broken rule is in its own terms (a line, a JSON
 * path); the rule and its wording live here once.
 */
public final class QuestionRules {

    /** The longest option label kept ("A", "(iv)"). */
    public static final int MAX_OPTION_LABEL = 4;

    /** The longest statement label kept ("Statement-II"). */
    public static final int MAX_STATEMENT_LABEL = 20;

    /** Which part of a question breaks a rule: readers point at that part. */
    public enum Part {
        STEM,
        OPTIONS,
        ANSWER,
        STATEMENTS
    }

    /** A broken rule: the part of the question it is in and what is wrong. */
    public record Broken(Part part, String message) {}

    private QuestionRules() {}

    /** The first rule {@code q} breaks, or null when it obeys them all. */
    public static Broken check(Question q) {
        if (q.stem().isBlank()) {
            return new Broken(Part.STEM, "the question has no text");
        }
        for (Question.Statement s : q.statements()) {
            if (s.label().length() > MAX_STATEMENT_LABEL) {
                return new Broken(
                        Part.STATEMENTS, "a statement label is longer than " + MAX_STATEMENT_LABEL + " characters");
            }
        }
        List<String> labels = q.options().stream().map(Question.Option::label).toList();
        if (labels.size() == 1) {
            return new Broken(
                    Part.OPTIONS,
                    "the question has only one option; a question needs two or more ((a), (b), …), or none");
        }
        if (labels.stream().anyMatch(l -> l.length() > MAX_OPTION_LABEL)) {
            return new Broken(Part.OPTIONS, "an option label is longer than " + MAX_OPTION_LABEL + " characters");
        }
        if (new LinkedHashSet<>(labels).size() != labels.size()) {
            return new Broken(Part.OPTIONS, "two options have the same label " + labels);
        }
        for (String answer : q.answer()) {
            if (!labels.contains(answer)) {
                return new Broken(
                        Part.ANSWER,
                        "the answer '" + answer + "' is not one of the options " + String.join(", ", labels));
            }
        }
        return null;
    }
}
