package app.almanac.cli;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.article.Section;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseExplanation;
import java.io.PrintWriter;
import java.util.List;

/** Prints a {@link ParseExplanation} for {@code import --explain}: the lines as read, what was made, what is unsure. */
record Explanation(ParseExplanation explained) {

    private static final int TEXT_WIDTH = 72;

    void print(String file, PrintWriter out) {
        out.println("== " + file + (explained.format().isEmpty() ? "" : " (read as " + explained.format() + ")"));
        if (!explained.lines().isEmpty()) {
            out.printf("%5s  %-16s  %-44s  %s%n", "line", "looks like", "became", "text");
            for (ParseExplanation.Reading r : explained.lines()) {
                out.printf("%5d  %-16s  %-44s  %s%n", r.number(), r.kind(), r.became(), shorten(r.text()));
            }
        } else if (explained.result().ok()) {
            out.println("(read from its markup: no line-by-line reading)");
        }
        if (!explained.result().ok()) {
            out.println("Refused:");
            explained.result().errors().forEach(d -> out.println("  " + d));
        }
        for (ArticleContent a : explained.result().articles()) {
            summarise(a, out);
        }
        for (QuestionBankContent b : explained.result().banks()) {
            out.println("Question bank '" + b.title() + "': " + questions(b.questions()));
        }
        if (!explained.unsure().isEmpty()) {
            out.println("Unsure (check these):");
            for (Diagnostic d : explained.unsure()) {
                out.println("  " + d);
            }
        }
        out.println();
    }

    private static void summarise(ArticleContent a, PrintWriter out) {
        out.println("Article '" + a.title() + "'");
        out.println("  date:      " + (a.date() == null ? "none (stored as a draft that needs a date)" : a.date()));
        out.println("  category:  " + (a.category() == null ? "none" : a.category())
                + (a.syllabus().isEmpty() ? "" : "; syllabus " + String.join(", ", a.syllabus())));
        out.println("  context:   " + (a.context() == null ? "none" : shorten(a.context())));
        List<Section> sections = a.sections();
        out.println("  sections:  " + sections.size()
                + (sections.isEmpty()
                        ? ""
                        : ": "
                                + String.join(
                                        " · ",
                                        sections.stream()
                                                .map(s -> s.heading().isEmpty() ? "(no heading)" : s.heading())
                                                .toList())));
        long tables = sections.stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> b instanceof Block.FactTable)
                .count();
        if (tables > 0) {
            out.println("  tables:    " + tables);
        }
        out.println("  questions: " + questions(a.questions()));
    }

    private static String questions(List<Question> questions) {
        long answered = questions.stream().filter(q -> !q.answer().isEmpty()).count();
        return questions.size() + (questions.size() == 1 ? " question" : " questions") + ", " + answered
                + " with an answer"
                + (questions.isEmpty()
                        ? ""
                        : " ("
                                + String.join(
                                        ", ",
                                        questions.stream()
                                                .map(q -> q.options().size() + " options"
                                                        + (q.answer().isEmpty()
                                                                ? ", no answer"
                                                                : " → " + String.join("", q.answer())))
                                                .toList())
                                + ")");
    }

    private static String shorten(String text) {
        return text.length() <= TEXT_WIDTH ? text : text.substring(0, TEXT_WIDTH - 1) + "…";
    }
}
