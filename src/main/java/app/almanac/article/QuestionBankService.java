package app.almanac.article;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads question banks; they are written by the {@link ArticleWriter}. */
@Service
public class QuestionBankService {

    private final QuestionBankRepository banks;

    QuestionBankService(QuestionBankRepository banks) {
        this.banks = banks;
    }

    /** What saving a bank did. */
    public record BankSaveResult(QuestionBank bank, SaveResult.Outcome outcome) {}

    @Transactional(readOnly = true)
    public Optional<QuestionBank> find(String slug) {
        return banks.find(slug);
    }

    /** The bank titled {@code title} (the same bank the writer would save it to), if there is one. */
    @Transactional(readOnly = true)
    public Optional<QuestionBank> findByTitle(String title) {
        ArticleIdentity identity = ArticleIdentity.ofBank(title);
        for (String candidate : (Iterable<String>) identity.slugCandidates()::iterator) {
            Optional<QuestionBank> bank = banks.find(candidate);
            if (bank.isEmpty() || identity.sameTitle(bank.get().content().title())) {
                return bank;
            }
        }
        return Optional.empty();
    }
}
