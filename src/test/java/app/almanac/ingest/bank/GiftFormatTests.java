package app.almanac.ingest.bank;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.Format;
import app.almanac.ingest.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftFormatTests {

    private static QuestionBankContent bank(String gift) {
        ParseResult result = GiftFormat.parse("practice.gift", gift);
        assertThat(result.errors()).isEmpty();
        assertThat(result.banks()).hasSize(1);
        return result.banks().get(0);
    }

    private static Question only(String gift) {
        QuestionBankContent bank = bank(gift);
        assertThat(bank.questions()).hasSize(1);
        return bank.questions().get(0);
    }

    private static Diagnostic refusal(String gift) {
        ParseResult result = GiftFormat.parse("practice.gift", gift);
        assertThat(result.banks()).isEmpty();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    private static List<Question.Option> options(String... texts) {
        return java.util.stream.IntStream.range(0, texts.length)
                .mapToObj(i -> new Question.Option(String.valueOf((char) ('A' + i)), texts[i]))
                .toList();
    }

    @Test
    void readsMultipleChoiceWithItsTitleCommentsCategoryAndFeedback() {
        QuestionBankContent bank = bank("""
                // a practice set on the Constitution, written for these tests
                $CATEGORY: $course$/top/Polity Practice

                // the Governor
                ::Governor::[plain] Who appoints the Governor of a State?{
                    =The President #Article 155 says so
                    ~The Prime Minister
                    ~The Chief Justice of India
                    ~The Chief Minister of the State
                    ####The Governor holds office during the pleasure of the President.
                }
                """);
        assertThat(bank.title()).isEqualTo("Polity Practice");
        assertThat(bank.questions())
                .containsExactly(new Question(
                        "Who appoints the Governor of a State?",
                        options(
                                "The President",
                                "The Prime Minister",
                                "The Chief Justice of India",
                                "The Chief Minister of the State"),
                        List.of("A"),
                        "The Governor holds office during the pleasure of the President.\n\n(A) Article 155 says so"));
    }

    @Test
    void aBankWithoutCategoryIsNamedAfterItsFile() {
        ParseResult result =
                GiftFormat.parse("banks/rivers.gift", "Where does the Godavari rise? {=Trimbakeshwar ~Amarkantak}");
        assertThat(result.banks().get(0).title()).isEqualTo("banks/rivers");
    }

    @Test
    void positiveWeightsMarkSeveralRightAnswers() {
        Question q = only("""
                Which of these houses elect the Vice-President? {
                  ~%50%Lok Sabha
                  ~%50%Rajya Sabha
                  ~%-100%State Legislative Assemblies
                }
                """);
        assertThat(q.options())
                .extracting(Question.Option::text)
                .containsExactly("Lok Sabha", "Rajya Sabha", "State Legislative Assemblies");
        assertThat(q.answer()).containsExactly("A", "B");
    }

    @Test
    void negativeAndPartialWeightsLeaveTheFullMarkAsTheAnswer() {
        Question q = only(
                "The Tropic of Cancer does not pass through {~%-33.33333%Mizoram =Odisha ~%25%Tripura ~Jharkhand}.");
        assertThat(q.stem()).isEqualTo("The Tropic of Cancer does not pass through _____.");
        assertThat(q.answer()).containsExactly("B");
    }

    @Test
    void trueAndFalseBecomeTwoOptions() {
        QuestionBankContent bank = bank("""
                The Rajya Sabha can be dissolved.{F}

                Money Bills originate only in the Lok Sabha. {TRUE#No: think of Article 109.#Right.}

                The Election Commission is a constitutional body. {T ####Article 324 creates it.}
                """);
        List<Question.Option> trueFalse = options("True", "False");
        assertThat(bank.questions())
                .containsExactly(
                        new Question("The Rajya Sabha can be dissolved.", trueFalse, List.of("B"), null),
                        new Question("Money Bills originate only in the Lok Sabha.", trueFalse, List.of("A"), null),
                        new Question(
                                "The Election Commission is a constitutional body.",
                                trueFalse,
                                List.of("A"),
                                "Article 324 creates it."));
    }

    @Test
    void escapedCharactersAreText() {
        Question q = only("::Ratio\\: 1::The ratio 3\\:2, a set \\{x\\}, \\~ \\= \\# and a backslash \\\\n stay text. "
                + "{=a\\=b ~c\\#d ~e\\~f\\nnext line}");
        assertThat(q.stem()).isEqualTo("The ratio 3:2, a set {x}, ~ = # and a backslash \\n stay text.");
        assertThat(q.options()).extracting(Question.Option::text).containsExactly("a=b", "c#d", "e~f\nnext line");
    }

    @Test
    void statementsInPlainTextAreRecognised() {
        Question q = only("""
                ::FC::Consider the following statements about the Finance Commission:
                1. It is constituted every five years.
                2. Its recommendations bind Parliament.
                Which of the statements given above is/are correct?
                {
                =1 only
                ~2 only
                ~Both 1 and 2
                ~Neither 1 nor 2
                }
                """);
        assertThat(q.stem())
                .isEqualTo("Consider the following statements about the Finance Commission:\n\n"
                        + "Which of the statements given above is/are correct?");
        assertThat(q.statements())
                .containsExactly(
                        new Question.Statement("1", "It is constituted every five years."),
                        new Question.Statement("2", "Its recommendations bind Parliament."));
        assertThat(q.answer()).containsExactly("A");
    }

    @Test
    void htmlTextsBecomePlainText() {
        Question q = only("""
                [html]<p>Which of these is a <b>Ramsar site</b> in <i>Punjab</i> &amp; is also a bird sanctuary?</p>{
                =<p>Harike</p>
                ~Chilika
                ~Loktak
                ####<p>Harike lies where the Beas meets the Sutlej.</p><p>It was listed in 1990.</p>}
                """);
        assertThat(q.stem()).isEqualTo("Which of these is a Ramsar site in Punjab & is also a bird sanctuary?");
        assertThat(q.options()).extracting(Question.Option::text).containsExactly("Harike", "Chilika", "Loktak");
        assertThat(q.explanation()).isEqualTo("Harike lies where the Beas meets the Sutlej.\n\nIt was listed in 1990.");
    }

    @Test
    void typesAlmanacCannotHoldRefuseTheFileWithTheirLine() {
        String first = "Who was the first Chief Election Commissioner? {=Sukumar Sen ~T. N. Seshan}\n\n";
        assertThat(refusal(first + "In which year did the Constitution come into force?\n{#1950}"))
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(4);
                    assertThat(d.message()).contains("numerical");
                });
        assertThat(refusal(first + "Name the river on which Hirakud dam stands. {=Mahanadi =Mahanadi river}"))
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.message()).contains("short-answer");
                });
        assertThat(refusal(first + "\n\nMatch the dance to its state. {\n=Bihu -> Assam\n=Garba -> Gujarat\n}"))
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(5);
                    assertThat(d.message()).contains("matching");
                });
        assertThat(refusal(first + "Discuss the role of the Finance Commission. {}"))
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.message()).contains("essay");
                });
        assertThat(refusal(first + "Read the passage below and answer the questions that follow."))
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.message()).contains("description");
                });
    }

    @Test
    void brokenBracesAreRefusedAtTheirLine() {
        assertThat(refusal("Which is the largest lagoon in India? {\n=Chilika\n~Pulicat\n\nNext question {=a ~b}"))
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(1);
                    assertThat(d.message()).contains("never closed");
                });
        assertThat(refusal("::T1 Title never closed {=a ~b}").message()).contains("'::'");
        assertThat(refusal("A question {=a ~b} and a second {=c ~d}").message()).contains("second");
    }

    @Test
    void aQuestionWithoutARightAnswerIsRefused() {
        Diagnostic d = refusal("\n\nWhich river is called the Dakshin Ganga?\n{~Krishna ~Kaveri ~%-50%Narmada}");
        assertThat(d.line()).isEqualTo(4);
        assertThat(d.message()).contains("no answer is right");
    }

    @Test
    void anEmptyFileIsRefusedClearly() {
        assertThat(refusal("").message()).startsWith("no questions");
        assertThat(refusal("// nothing but a comment\n\n   \n").message()).startsWith("no questions");
        assertThat(refusal("$CATEGORY: $course$/top/Empty\n").message()).startsWith("no questions");
    }

    @Test
    void eachCategoryIsABank() {
        ParseResult result = GiftFormat.parse("mixed.gift", """
                $CATEGORY: $course$/top/Geography

                The Palk Strait separates India from? {=Sri Lanka ~Maldives}

                $CATEGORY: $course$/top/History//Culture

                Who founded the Vijayanagara empire? {=Harihara and Bukka ~Krishnadevaraya}
                """);
        assertThat(result.banks())
                .extracting(QuestionBankContent::title)
                .containsExactly("Geography", "History/Culture");
    }

    @Test
    void importTellsGiftByItsExtension() {
        byte[] gift =
                "Which is India's southernmost point? {=Indira Point ~Kanyakumari}".getBytes(StandardCharsets.UTF_8);
        assertThat(Format.of("set.gift", "x")).isEqualTo(Format.GIFT);
        assertThat(Format.of("set.txt", "::Q1:: x {=a ~b}")).isEqualTo(Format.TEXT);
        ParseResult result = ArticleFiles.parse("set.gift", gift);
        assertThat(result.errors()).isEmpty();
        assertThat(result.banks().get(0).questions().get(0).answer()).containsExactly("A");
    }
}
