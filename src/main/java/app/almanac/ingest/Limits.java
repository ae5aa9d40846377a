package app.almanac.ingest;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.article.Section;
import app.almanac.ingest.read.QuestionRules;
import java.util.List;

/**
 * What every parser's output must satisfy, whatever the format: the sizes the database holds (see
 * the migrations) and the shape of a question. Checked when a file is parsed, so that a dry run
 * refuses the same files an import would, naming the field.
 */
final class Limits {

    /**
     * The most one article may hold, in characters of its text (every title, field, cell, question and
     * explanation counted; what its stored JSON holds less the field names). Real analyses run
     * from 5,000 to 40,000; ten times the longest leaves room for a long one, while a made-up
     * 16 MiB "article" (the outside test's ZIP held eight) is refused with the reason.
     */
    static final int MAX_ARTICLE = 400_000;

    /** The most one question bank may hold: a thousand questions of ordinary length. */
    static final int MAX_BANK = 4_000_000;

    private Limits() {}

    /** The first value that is too long, described, or null when everything fits. */
    static String check(ArticleContent a) {
        String problem = first(
                size("the article", characters(a), MAX_ARTICLE),
                over("the title", a.title(), 1000),
                over("the publisher", a.publisher(), 300),
                over("the series", a.series(), 300),
                over("the category", a.category(), 300),
                each("a tag", a.tags(), 200),
                each("a syllabus paper", a.syllabus(), 100));
        if (problem != null) {
            return problem;
        }
        for (Credit c : a.credits()) {
            problem = first(
                    over("a credit's label", c.label(), 200),
                    over("a credit's text", c.text(), 2000),
                    over("a credit's link", c.url(), 2000));
            if (problem != null) {
                return problem;
            }
        }
        for (Section s : a.sections()) {
            if (s.heading().length() > 1000) {
                return over("the heading '" + s.heading().substring(0, 40) + "…'", s.heading(), 1000);
            }
        }
        return questions(a.questions());
    }

    static String check(QuestionBankContent bank) {
        String problem = first(
                size(
                        "the question bank",
                        (int) Math.min(Integer.MAX_VALUE, characters(bank.title()) + characters(bank.questions())),
                        MAX_BANK),
                over("the question bank's title", bank.title(), 1000));
        return problem != null ? problem : questions(bank.questions());
    }

    private static String questions(List<Question> questions) {
        for (int i = 0; i < questions.size(); i++) {
            QuestionRules.Broken broken = QuestionRules.check(questions.get(i));
            if (broken != null) {
                return "question " + (i + 1) + ": " + broken.message();
            }
        }
        return null;
    }

    /**
     * The characters of an article's text, counted without writing it out (serialising every parsed
     * article to JSON only to measure it was an eighth of the parse's time).
     */
    static int characters(ArticleContent a) {
        long n = characters(a.title())
                + characters(a.publisher())
                + characters(a.series())
                + characters(a.category())
                + characters(a.context());
        for (String t : a.tags()) {
            n += characters(t);
        }
        for (String t : a.syllabus()) {
            n += characters(t);
        }
        for (Credit c : a.credits()) {
            n += characters(c.label()) + characters(c.text()) + characters(c.url());
        }
        for (Section s : a.sections()) {
            n += characters(s.heading());
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    n += characters(p.text());
                } else if (b instanceof Block.BulletList l) {
                    for (String item : l.items()) {
                        n += characters(item);
                    }
                } else if (b instanceof Block.FactTable t) {
                    for (String h : t.header()) {
                        n += characters(h);
                    }
                    for (List<List<String>> row : t.rows()) {
                        for (List<String> cell : row) {
                            for (String paragraph : cell) {
                                n += characters(paragraph);
                            }
                        }
                    }
                }
            }
        }
        n += characters(a.questions());
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static long characters(List<Question> questions) {
        long n = 0;
        for (Question q : questions) {
            n += characters(q.stem()) + characters(q.explanation());
            for (Question.Statement st : q.statements()) {
                n += characters(st.label()) + characters(st.text());
            }
            for (Question.Option o : q.options()) {
                n += characters(o.label()) + characters(o.text());
            }
            if (q.pairs() != null) {
                for (String h : q.pairs().header()) {
                    n += characters(h);
                }
                for (List<String> row : q.pairs().rows()) {
                    for (String cell : row) {
                        n += characters(cell);
                    }
                }
            }
        }
        return n;
    }

    private static int characters(String s) {
        return s == null ? 0 : s.length();
    }

    private static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String size(String what, int characters, int max) {
        return characters > max
                ? what + " holds " + characters + " characters; at most " + max
                        + " are taken (a long analysis has about 40,000): split it, or check that it is what you meant to import"
                : null;
    }

    private static String over(String what, String value, int max) {
        return value != null && value.length() > max
                ? what + " is " + value.length() + " characters long; at most " + max + " are kept"
                : null;
    }

    private static String each(String what, List<String> values, int max) {
        for (String v : values) {
            String problem = over(what + " ('" + (v.length() > 30 ? v.substring(0, 30) + "…" : v) + "')", v, max);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
