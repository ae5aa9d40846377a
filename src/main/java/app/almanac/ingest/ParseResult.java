package app.almanac.ingest;

import app.almanac.article.ArticleContent;
import app.almanac.article.QuestionBankContent;
import java.util.List;

/**
 * What a parser made of one file: the articles and question banks it found, or the reasons it
 * refused the file. A file with any error yields nothing, so nothing from it is half-stored.
 */
public record ParseResult(
        String file, List<ArticleContent> articles, List<QuestionBankContent> banks, List<Diagnostic> errors) {

    public ParseResult {
        articles = List.copyOf(articles);
        banks = List.copyOf(banks);
        errors = List.copyOf(errors);
    }

    public static ParseResult of(String file, List<ArticleContent> articles) {
        return new ParseResult(file, articles, List.of(), List.of());
    }

    public static ParseResult ofBank(String file, QuestionBankContent bank) {
        return new ParseResult(file, List.of(), List.of(bank), List.of());
    }

    public static ParseResult refused(Diagnostic error) {
        return new ParseResult(error.file(), List.of(), List.of(), List.of(error));
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
