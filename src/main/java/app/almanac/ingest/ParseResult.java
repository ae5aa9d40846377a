package app.almanac.ingest;

import app.almanac.article.ArticleContent;
import java.util.List;

/**
 * What a parser made of one file: the articles it found, or the reasons it refused the file. A
 * file with any error yields no articles, so nothing from it is half-stored.
 */
public record ParseResult(String file, List<ArticleContent> articles, List<Diagnostic> errors) {

    public ParseResult {
        articles = List.copyOf(articles);
        errors = List.copyOf(errors);
    }

    static ParseResult of(String file, List<ArticleContent> articles) {
        return new ParseResult(file, articles, List.of());
    }

    static ParseResult refused(Diagnostic error) {
        return new ParseResult(error.file(), List.of(), List.of(error));
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
