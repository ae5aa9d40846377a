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
}
