package app.almanac.practice;

import app.almanac.article.Question;
import app.almanac.article.StoredQuestion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The models of the practice pages (public: the precompiled templates live in another package). */
public final class PracticePages {

    private PracticePages() {}

    /**
     * {@code /practice}: the question bank with its filters and counts, and the quizzes to start.
     *
     * @param filters the filters as given (paper, category, tag, type, answered, from, to)
     * @param byType how many of the listed questions are of each type
     * @param answeredByMe ids of questions this learner has answered (empty for visitors)
     */
    public record Home(
            List<StoredQuestion> questions,
            int total,
            Map<String, String> filters,
            Map<QuestionType, Integer> byType,
            Map<String, Integer> byPaper,
            java.util.Set<Long> answeredByMe,
            boolean signedIn,
            LocalDate today,
            List<Attempt> history) {

        public QuestionType type(StoredQuestion q) {
            return QuestionType.of(q.question());
        }

        public String filter(String name) {
            return filters.getOrDefault(name, "");
        }
    }

    /**
     * {@code /practice/daily/{date}}: the day's quiz, and this learner's attempt at it if any.
     *
     * @param latest the newest day that has a quiz (offered when this one has none), or null
     */
    public record Daily(LocalDate date, int questions, Duration time, Attempt attempt, LocalDate latest) {}

    /**
     * The attempt page: the palette, one question, and the time left.
     *
     * @param current the position shown (0-based)
     */
    public record Sitting(
            Attempt attempt, List<StoredQuestion> questions, int current, Instant now, String notice, String error) {

        public StoredQuestion question() {
            return questions.get(current);
        }

        public Attempt.Answer answer() {
            return attempt.answers().get(current);
        }

        public QuestionType type() {
            return QuestionType.of(question().question());
        }

        public long secondsLeft() {
            return attempt.remaining(now).toSeconds();
        }

        public String timeLeft() {
            long s = secondsLeft();
            return s >= 3600
                    ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format("%d:%02d", s / 60, s % 60);
        }

        /** The palette state of the question at {@code position}. */
        public String state(int position) {
            Attempt.Answer a = attempt.answers().get(position);
            if (a.marked()) {
                return a.answered() ? "answered-marked" : "marked";
            }
            if (a.answered()) {
                return "answered";
            }
            return a.visited() ? "unanswered" : "not-visited";
        }

        public boolean chosen(Question.Option option) {
            String choice = answer().choice();
            return choice != null && choice.contains(option.label());
        }
    }

    /** The result page. */
    public record Marked(Result result, String notice, List<String> reportKinds) {}

    /** The mistakes notebook, by topic. */
    public record NotebookView(
            boolean signedIn, String topic, List<String> topics, Map<String, List<Notebook.Entry>> entries) {}

    /** A learner's attempts. */
    public record History(List<Attempt> attempts) {}
}
