package app.almanac.publish;

import app.almanac.article.QuestionBank;
import app.almanac.article.QuestionBankService;
import app.almanac.article.QuestionService;
import app.almanac.article.StoredQuestion;
import app.almanac.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions out to the open formats (Moodle XML, GIFT, Anki), chosen the one way both the CLI and the
 * practice page choose them: one bank, or the published questions with a tag (or all of them).
 */
@Service
public class QuestionExport {

    /** The most questions one export holds (an export that reaches it may have left some out). */
    public static final int MAX_QUESTIONS = 20_000;

    /** A format Almanac writes questions in. */
    public enum Format {
        MOODLE_XML("moodle-xml", "xml", "application/xml"),
        GIFT("gift", "gift", "text/plain"),
        ANKI("anki", "txt", "text/plain");

        public final String code;
        public final String extension;
        public final String mediaType;

        Format(String code, String extension, String mediaType) {
            this.code = code;
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** The format called {@code code}; anything else is refused, with the choices. */
        public static Format parse(String code) {
            for (Format f : values()) {
                if (f.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("The format must be moodle-xml, gift or anki, not '" + code + "'.");
        }
    }

    /**
     * One export.
     *
     * @param fileName a file name for it ("almanac-questions-rbi.xml")
     * @param count how many questions it holds
     * @param leftOut why some questions were left out (no options), one line each
     */
    public record Written(String fileName, String mediaType, String body, int count, List<String> leftOut) {}

    private final QuestionService questions;
    private final QuestionBankService banks;

    QuestionExport(QuestionService questions, QuestionBankService banks) {
        this.questions = questions;
        this.banks = banks;
    }

    /**
     * Writes the questions of {@code bank} (a bank's slug), or else the published questions tagged
     * {@code tag} (all of them when null), in {@code format}.
     *
     * @throws NotFoundException for a bank that does not exist
     */
    @Transactional(readOnly = true)
    public Written write(Format format, String tag, String bank) {
        List<StoredQuestion> chosen;
        String title;
        if (bank != null && !bank.isBlank()) {
            QuestionBank b = banks.find(bank.strip())
                    .orElseThrow(() -> new NotFoundException("There is no question bank '" + bank + "'."));
            chosen = questions.byIds(questions.idsOfBank(b.id()));
            title = b.content().title();
        } else {
            String t = tag == null || tag.isBlank() ? null : tag.strip();
            chosen = questions.matching(new QuestionService.Filter(null, null, t, null, null), MAX_QUESTIONS);
            title = t == null ? "Almanac questions" : "Almanac questions: " + t;
        }
        List<app.almanac.article.Question> list = new ArrayList<>();
        List<QuestionExports.Item> items = new ArrayList<>();
        for (StoredQuestion q : chosen) {
            if (q.dropped()) {
                continue;
            }
            list.add(q.question());
            List<String> tags = new ArrayList<>(q.source().tags());
            tags.addAll(q.source().syllabus());
            if (q.source().category() != null) {
                tags.add(q.source().category());
            }
            items.add(new QuestionExports.Item(q.question(), tags));
        }
        List<String> leftOut = format == Format.ANKI ? List.of() : QuestionExports.leftOut(list);
        String body = switch (format) {
            case MOODLE_XML -> QuestionExports.moodleXml(title, list);
            case GIFT -> QuestionExports.gift(title, list);
            case ANKI -> QuestionExports.anki(title, items);
        };
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Written(
                slug + "." + format.extension, format.mediaType, body, list.size() - leftOut.size(), leftOut);
    }
}
