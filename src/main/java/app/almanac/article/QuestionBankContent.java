package app.almanac.article;

import java.util.List;
import java.util.Objects;

/**
 * A set of practice questions that belongs to no article, such as a publisher's weekly quiz.
 *
 * @param title     the bank's name; with the slug of it, its identity
 * @param questions the questions in order
 */
public record QuestionBankContent(String title, List<Question> questions) {

    public QuestionBankContent {
        Objects.requireNonNull(title, "title");
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
