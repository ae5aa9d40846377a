package app.almanac.publish;

import app.almanac.article.Article;
import app.almanac.article.ArticleIdentity;
import app.almanac.article.ArticleService;
import app.almanac.article.Question;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model of a monthly compilation: the month's stories (an analysis and the dates of the
 * earlier ones on the same story, which it supersedes), grouped for the contents by syllabus paper
 * and category, and the practice questions numbered for the answer key.
 *
 * @param syllabus the one paper the compilation is limited to, or null
 * @param leftOut the month's analyses that did not fit in one compilation, listed to be read online
 * @param site the site's address, for links to what was left out
 */
public record Compilation(
        YearMonth month,
        String syllabus,
        List<Story> stories,
        List<NumberedQuestion> questions,
        List<ArticleService.Listed> leftOut,
        String site) {

    /** One story: its latest analysis in the month, and the days it was also covered. */
    public record Story(String anchor, Article article, List<LocalDate> alsoOn) {}

    /** A question with its number in the compilation and the story it belongs to. */
    public record NumberedQuestion(int number, Question question, String storyTitle) {}

    static Compilation of(
            YearMonth month,
            String syllabus,
            List<Article> articles,
            List<ArticleService.Listed> leftOut,
            String site) {
        Map<String, List<Article>> byStory = new LinkedHashMap<>();
        for (Article a : articles) {
            byStory.computeIfAbsent(storyKey(a), k -> new ArrayList<>()).add(a);
        }
        List<Story> stories = new ArrayList<>();
        List<NumberedQuestion> questions = new ArrayList<>();
        for (List<Article> story : byStory.values()) {
            Article latest = story.get(story.size() - 1);
            stories.add(new Story(
                    "a" + latest.id(),
                    latest,
                    story.subList(0, story.size() - 1).stream()
                            .map(a -> a.content().date())
                            .toList()));
        }
        for (Story s : stories) {
            for (Question q : s.article().content().questions()) {
                questions.add(new NumberedQuestion(
                        questions.size() + 1, q, s.article().content().title()));
            }
        }
        return new Compilation(month, syllabus, stories, questions, leftOut, site);
    }

    /** The same story: the same title, as the identity rule compares titles, whatever the day. */
    private static String storyKey(Article a) {
        return ArticleIdentity.of(a.content())
                .key()
                .substring(a.content().date().toString().length());
    }

    /** Contents: syllabus paper, then category, then the stories in date order. */
    public Map<String, Map<String, List<Story>>> contents() {
        Map<String, Map<String, List<Story>>> toc = new TreeMap<>(Compilation::paperOrder);
        for (Story s : stories) {
            List<String> papers = s.article().content().syllabus();
            String paper = syllabus != null ? syllabus : papers.isEmpty() ? "Other" : papers.get(0);
            String category = s.article().content().category() == null
                    ? "General"
                    : s.article().content().category();
            toc.computeIfAbsent(paper, k -> new TreeMap<>())
                    .computeIfAbsent(category, k -> new ArrayList<>())
                    .add(s);
        }
        return toc;
    }

    /** GS-I to GS-IV first, then Prelims, Mains and the rest alphabetically, "Other" last. */
    private static int paperOrder(String a, String b) {
        return rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String paper) {
        return switch (paper) {
            case "GS-I" -> 1;
            case "GS-II" -> 2;
            case "GS-III" -> 3;
            case "GS-IV" -> 4;
            case "Prelims" -> 5;
            case "Mains" -> 6;
            case "Other" -> 99;
            default -> 50;
        };
    }
}
