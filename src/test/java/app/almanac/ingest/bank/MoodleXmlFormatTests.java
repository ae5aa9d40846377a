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

class MoodleXmlFormatTests {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static QuestionBankContent bank(String xml) {
        ParseResult result = MoodleXmlFormat.parse("quiz.xml", xml);
        assertThat(result.errors()).isEmpty();
        assertThat(result.banks()).hasSize(1);
        return result.banks().get(0);
    }

    private static Question only(String xml) {
        QuestionBankContent bank = bank(xml);
        assertThat(bank.questions()).hasSize(1);
        return bank.questions().get(0);
    }

    private static Diagnostic refusal(String xml) {
        ParseResult result = MoodleXmlFormat.parse("quiz.xml", xml);
        assertThat(result.banks()).isEmpty();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    private static String quiz(String questions) {
        return HEAD + "<quiz>\n" + questions + "</quiz>\n";
    }

    private static String multichoice(String text, String answers) {
        return """
                  <question type="multichoice">
                    <name><text>Q</text></name>
                    <questiontext format="html"><text><![CDATA[%s]]></text></questiontext>
                    <single>true</single>
                %s  </question>
                """.formatted(text, answers);
    }

    @Test
    void readsMultipleChoiceWithCategoryFeedbackAndEscapedHtml() {
        QuestionBankContent bank = bank(quiz("""
                  <question type="category">
                    <category><text>$course$/top/Environment and Ecology</text></category>
                  </question>
                  <question type="multichoice">
                    <name><text>Wetlands</text></name>
                    <questiontext format="html">
                      <text>&lt;p&gt;Which convention protects &lt;b&gt;wetlands&lt;/b&gt; of international importance?&lt;/p&gt;</text>
                    </questiontext>
                    <generalfeedback format="html">
                      <text><![CDATA[<p>It was signed in Iran in 1971.</p>]]></text>
                    </generalfeedback>
                    <defaultgrade>1.0000000</defaultgrade>
                    <single>true</single>
                    <shuffleanswers>true</shuffleanswers>
                    <answernumbering>abc</answernumbering>
                    <answer fraction="0" format="html"><text>Basel</text><feedback format="html"><text></text></feedback></answer>
                    <answer fraction="100" format="html">
                      <text><![CDATA[<p>Ramsar</p>]]></text>
                      <feedback format="html"><text>Named after the city of Ramsar.</text></feedback>
                    </answer>
                    <answer fraction="-33.33333" format="html"><text>Stockholm</text></answer>
                  </question>
                """));
        assertThat(bank.title()).isEqualTo("Environment and Ecology");
        assertThat(bank.questions())
                .containsExactly(new Question(
                        "Which convention protects wetlands of international importance?",
                        List.of(
                                new Question.Option("A", "Basel"),
                                new Question.Option("B", "Ramsar"),
                                new Question.Option("C", "Stockholm")),
                        List.of("B"),
                        "It was signed in Iran in 1971.\n\n(B) Named after the city of Ramsar."));
    }

    @Test
    void readsTrueFalse() {
        Question q = only(quiz("""
                  <question type="truefalse">
                    <name><text>Deputy Speaker</text></name>
                    <questiontext format="moodle_auto_format"><text>The Deputy Speaker resigns to the Speaker.</text></questiontext>
                    <answer fraction="0"><text>true</text></answer>
                    <answer fraction="100"><text>false</text></answer>
                  </question>
                """));
        assertThat(q.stem()).isEqualTo("The Deputy Speaker resigns to the Speaker.");
        assertThat(q.options()).containsExactly(new Question.Option("A", "True"), new Question.Option("B", "False"));
        assertThat(q.answer()).containsExactly("B");
    }

    @Test
    void sharedFractionsMarkSeveralRightAnswers() {
        Question q = only(quiz(multichoice("<p>Which of these are Harappan sites in Gujarat?</p>", """
                            <answer fraction="50"><text>Dholavira</text></answer>
                            <answer fraction="-100"><text>Kalibangan</text></answer>
                            <answer fraction="50"><text>Lothal</text></answer>
                        """)
                .replace("<single>true</single>", "<single>false</single>")));
        assertThat(q.answer()).containsExactly("A", "C");
    }

    @Test
    void statementsInAListAfterTheLeadInAreRecognised() {
        Question q = only(quiz(multichoice("""
                <p>Consider the following statements about the Western Ghats:</p>
                <ol>
                  <li>They are older than the Himalayas.</li>
                  <li>They are a UNESCO World Heritage Site.</li>
                </ol>
                <p>Which of the statements given above is/are correct?</p>""", """
                    <answer fraction="0"><text>1 only</text></answer>
                    <answer fraction="0"><text>2 only</text></answer>
                    <answer fraction="100"><text>Both 1 and 2</text></answer>
                """)));
        assertThat(q.stem())
                .isEqualTo("Consider the following statements about the Western Ghats:\n\n"
                        + "Which of the statements given above is/are correct?");
        assertThat(q.statements())
                .containsExactly(
                        new Question.Statement("1", "They are older than the Himalayas."),
                        new Question.Statement("2", "They are a UNESCO World Heritage Site."));
        assertThat(q.answer()).containsExactly("C");
    }

    @Test
    void aTableIsThePairs() {
        Question q = only(quiz(multichoice("""
                <p>Consider the following pairs:</p>
                <table border="1"><tr><th>Festival</th><th>State</th></tr>
                <tr><td>Hornbill</td><td>Nagaland</td></tr>
                <tr><td>Losar</td><td>Sikkim</td></tr></table>
                <p>How many of the pairs given above are correctly matched?</p>""", """
                    <answer fraction="0"><text>Only one</text></answer>
                    <answer fraction="100"><text>Both</text></answer>
                    <answer fraction="0"><text>None</text></answer>
                """)));
        assertThat(q.stem())
                .isEqualTo("Consider the following pairs:\n\nHow many of the pairs given above are correctly matched?");
        assertThat(q.pairs())
                .isEqualTo(new Question.Pairs(
                        List.of("Festival", "State"),
                        List.of(List.of("Hornbill", "Nagaland"), List.of("Losar", "Sikkim"))));
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityReachesOutside() {
        Diagnostic d = refusal(HEAD
                + "<!DOCTYPE quiz [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<quiz>\n"
                + multichoice("&secret;", "<answer fraction=\"100\"><text>a</text></answer>\n")
                + "</quiz>\n");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.message()).contains("DOCTYPE");
        assertThat(d.toString()).doesNotContain("root:");
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        Diagnostic d = refusal(
                HEAD
                        + "<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                        + "<quiz><question type=\"multichoice\"><questiontext><text>&b;</text></questiontext></question></quiz>");
        assertThat(d.message()).contains("DOCTYPE");
    }

    @Test
    void typesAlmanacCannotHoldRefuseTheFileWithTheirLine() {
        String xml = quiz(multichoice("Which is the oldest mountain range of India?", """
                    <answer fraction="100"><text>Aravalli</text></answer>
                    <answer fraction="0"><text>Satpura</text></answer>
                """) + """
                  <question type="shortanswer">
                    <questiontext format="html"><text>Name the highest peak of the Western Ghats.</text></questiontext>
                    <answer fraction="100"><text>Anamudi</text></answer>
                  </question>
                """);
        Diagnostic d = refusal(xml);
        assertThat(d.line()).isEqualTo(xml.lines().toList().indexOf("  <question type=\"shortanswer\">") + 1);
        assertThat(d.message()).contains("short-answer").contains("only multiple-choice and true/false");
        assertThat(refusal(
                                quiz(
                                        "<question type=\"essay\"><questiontext><text>Discuss.</text></questiontext></question>\n"))
                        .message())
                .contains("essay");
        assertThat(refusal(quiz("<question type=\"matching\"/>\n")).message()).contains("'matching'");
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() {
        Diagnostic d = refusal(quiz(multichoice("A question", "    <answer fraction=\"100\"><text>a</text>\n")));
        assertThat(d.line()).isGreaterThan(1);
        assertThat(d.message()).startsWith("not well-formed XML: ").doesNotContain("ParseError");
    }

    @Test
    void aWrongFractionIsRefusedWithItsLine() {
        String xml = quiz(multichoice("Which state has the longest coastline?", """
                    <answer fraction="100"><text>Gujarat</text></answer>
                    <answer fraction="most"><text>Andhra Pradesh</text></answer>
                """));
        Diagnostic d = refusal(xml);
        assertThat(d.line())
                .isEqualTo(xml.lines()
                                .toList()
                                .indexOf("    <answer fraction=\"most\"><text>Andhra Pradesh</text></answer>")
                        + 1);
        assertThat(d.message()).contains("'most'");
    }

    @Test
    void anImageIsRefused() {
        assertThat(refusal(quiz(multichoice("<p>Identify the monument:</p><img src=\"@@PLUGINFILE@@/a.png\">", """
                    <answer fraction="100"><text>Konark</text></answer>
                    <answer fraction="0"><text>Hampi</text></answer>
                """)))
                        .message())
                .contains("image");
    }

    @Test
    void anotherRootOrNoQuestionsIsRefused() {
        assertThat(refusal(HEAD + "<html><body/></html>").message()).contains("<quiz>");
        assertThat(refusal(quiz("")).message()).startsWith("no questions");
    }

    @Test
    void importTellsMoodleXmlByItsRootElement() {
        String xml = quiz(multichoice("Which is the capital of Meghalaya?", """
                    <answer fraction="100"><text>Shillong</text></answer>
                    <answer fraction="0"><text>Aizawl</text></answer>
                """));
        assertThat(Format.of("bank.xml", xml)).isEqualTo(Format.MOODLE_XML);
        assertThat(Format.of("bank.xml", "<!-- exported -->\n<quiz>")).isEqualTo(Format.MOODLE_XML);
        assertThat(Format.of("feed.xml", HEAD + "<rss/>")).isNotEqualTo(Format.MOODLE_XML);
        assertThat(Format.of("bank.txt", xml)).isNotEqualTo(Format.MOODLE_XML);
        ParseResult result = ArticleFiles.parse("bank.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.errors()).isEmpty();
        assertThat(result.banks().get(0).questions().get(0).answer()).containsExactly("A");
    }
}
