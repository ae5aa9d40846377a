package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import app.almanac.article.Question;
import app.almanac.ingest.ArticleFiles;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionChecksTests {

    private static final LocalDate SEED_DAY = LocalDate.of(2024, 2, 26);
    private final FactBase facts = ShippedFacts.base();
    private final QuestionChecks reader = new QuestionChecks(facts, ShippedFacts.linker(facts));

    private Claim.Verdict verdict(Question q, LocalDate day) {
        QuestionChecks.Checked checked = reader.read(q, day).orElseThrow();
        return Claim.verdict(checked.claims(), checked.key(), facts);
    }

    private static Question notAMember(String answer, String... countries) {
        List<Question.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < countries.length; i++) {
            options.add(new Question.Option(String.valueOf((char) ('A' + i)), countries[i]));
        }
        return new Question(
                "Which of the following countries is NOT a current member of the CSTO?",
                options,
                List.of(answer),
                null);
    }

    @Test
    void theSeedsQuestionHoldsAsOfItsArticlesDate() {
        Question q =
                ArticleFiles.read(TestSeeds.CSTO).articles().get(0).questions().get(0);
        QuestionChecks.Checked checked = reader.read(q, SEED_DAY).orElseThrow();
        assertThat(checked.template()).isEqualTo("not-member");
        assertThat(checked.entity().slug()).isEqualTo("csto");
        assertThat(Claim.verdict(checked.claims(), checked.key(), facts)).isEqualTo(Claim.Verdict.HOLDS);
    }

    @Test
    void aWrongKeyNoCorrectOptionAndTwoCorrectOptionsAreCaught() {
        assertThat(verdict(notAMember("A", "Tajikistan", "Belarus", "Kazakhstan", "Uzbekistan"), SEED_DAY))
                .isEqualTo(Claim.Verdict.CONTRADICTED);
        assertThat(verdict(notAMember("A", "Tajikistan", "Belarus", "Kazakhstan", "Russia"), SEED_DAY))
                .isEqualTo(Claim.Verdict.NONE_CORRECT);
        assertThat(verdict(notAMember("D", "Tajikistan", "Georgia", "Kazakhstan", "Uzbekistan"), SEED_DAY))
                .isEqualTo(Claim.Verdict.SEVERAL_CORRECT);
        // Uzbekistan's 2006 return is dated by its year only: within that year nothing is settled
        assertThat(verdict(
                        notAMember("D", "Tajikistan", "Belarus", "Kazakhstan", "Uzbekistan"), LocalDate.of(2006, 7, 1)))
                .isEqualTo(Claim.Verdict.UNDECIDED);
    }

    @Test
    void questionsOfOtherShapesAreNotRead() {
        assertThat(reader.read(
                        new Question(
                                "Which river flows through Moscow?",
                                List.of(new Question.Option("A", "Volga"), new Question.Option("B", "Moskva")),
                                List.of("B"),
                                null),
                        SEED_DAY))
                .isEmpty();
        assertThat(reader.read(notAMember("A", "Tajikistan", "Belarus", "the Moon", "Uzbekistan"), SEED_DAY))
                .isEmpty();
    }
}
