package app.almanac.ingest;

import app.almanac.article.ArticleContent;
import app.almanac.article.ArticleIdentity;
import app.almanac.article.ArticleWriter;
import app.almanac.article.EditorialException;
import app.almanac.article.QuestionBankContent;
import app.almanac.article.QuestionBankService;
import app.almanac.article.SaveResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what the parsers found. A file is all or nothing: its articles are saved in one
 * transaction, and a file with any diagnostic stores nothing.
 */
@Service
public class ImportService {

    private final ArticleWriter writer;
    private final TransactionTemplate transaction;

    private final io.micrometer.core.instrument.Counter imported;

    ImportService(
            ArticleWriter writer, TransactionTemplate transaction, io.micrometer.core.instrument.MeterRegistry meters) {
        this.writer = writer;
        this.transaction = transaction;
        this.imported = io.micrometer.core.instrument.Counter.builder("almanac.import.articles")
                .description("Articles stored by imports (the import rate is its rate)")
                .register(meters);
    }

    /**
     * What importing one file did: the saved articles, or why nothing was saved.
     */
    public record FileImport(
            String file,
            List<SaveResult> saved,
            List<QuestionBankService.BankSaveResult> banks,
            List<Diagnostic> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Stores every article of a parsed file, or none of them. */
    public FileImport store(ParseResult parsed) {
        if (!parsed.ok()) {
            return new FileImport(parsed.file(), List.of(), List.of(), parsed.errors());
        }
        Set<String> identities = new HashSet<>();
        for (ArticleContent content : parsed.articles()) {
            if (!identities.add(ArticleIdentity.of(content).key())) {
                return new FileImport(
                        parsed.file(),
                        List.of(),
                        List.of(),
                        List.of(new Diagnostic(
                                parsed.file(),
                                0,
                                "holds '" + content.title() + "' of " + content.date()
                                        + " twice; nothing from it was stored")));
            }
        }
        try {
            List<SaveResult> saved = new ArrayList<>();
            List<QuestionBankService.BankSaveResult> banks = new ArrayList<>();
            transaction.executeWithoutResult(status -> {
                for (ArticleContent content : parsed.articles()) {
                    saved.add(writer.save(content));
                }
                for (QuestionBankContent bank : parsed.banks()) {
                    banks.add(writer.save(bank));
                }
            });
            imported.increment(saved.size());
            return new FileImport(parsed.file(), saved, banks, List.of());
        } catch (EditorialException e) {
            // an editor's revision since the last import is not overwritten: the file is refused whole
            return new FileImport(
                    parsed.file(),
                    List.of(),
                    List.of(),
                    List.of(new Diagnostic(parsed.file(), 0, e.getMessage() + "; nothing from the file was stored")));
        } catch (DataAccessException | TransactionException e) {
            return new FileImport(
                    parsed.file(),
                    List.of(),
                    List.of(),
                    List.of(new Diagnostic(
                            parsed.file(),
                            0,
                            "could not be stored, nothing from it was saved: "
                                    + e.getMostSpecificCause().getMessage())));
        }
    }
}
