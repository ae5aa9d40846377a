package app.almanac.publish;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ParseResult;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class QuestionExportsTests {

    private static List<Question.Option> options(String... texts) {
        return IntStream.range(0, texts.length)
                .mapToObj(i -> new Question.Option(String.valueOf((char) ('A' + i)), texts[i]))
                .toList();
    }

    /** A bank of every shape a UPSC question takes, written for these tests. */
    static List<Question> bank() {
        return List.of(
                new Question(
                        "Which river is known as the 'Sorrow of Bihar'?",
                        options("Kosi", "Gandak", "Son", "Damodar"),
                        List.of("A"),
                        "The Kosi shifts its course often and floods north Bihar."),
                new Question(
                        "Which of these are Fundamental Duties under Article 51A?",
                        options(
                                "To protect the natural environment",
                                "To vote in every election",
                                "To develop the scientific temper",
                                "To pay income tax"),
                        List.of("A", "C"),
                        null),
                new Question(
                        "Consider the following statements about the Inter-State Council:\n\n"
                                + "How many of the above statements are correct?",
                        List.of(
                                new Question.Statement("1", "The President sets it up under Article 263."),
                                new Question.Statement("2", "The Prime Minister chairs it."),
                                new Question.Statement("3", "Its recommendations bind the States.")),
                        null,
                        options("Only one", "Only two", "All three", "None"),
                        List.of("B"),
                        "Statements 1 and 2 are correct; it only recommends."),
                new Question(
                        "Consider the following statements:\n\n"
                                + "Which one of the following is correct in respect of the above statements?",
                        List.of(
                                new Question.Statement("I", "Mangroves thrive in saline coastal water."),
                                new Question.Statement("II", "Mangroves have breathing roots called pneumatophores.")),
                        null,
                        options(
                                "Both Statement-I and Statement-II are correct and Statement-II explains Statement-I",
                                "Both are correct but Statement-II does not explain Statement-I",
                                "Statement-I is correct but Statement-II is incorrect",
                                "Statement-I is incorrect but Statement-II is correct"),
                        List.of("B"),
                        null),
                new Question(
                        "Consider the following pairs:\n\nHow many of the pairs given above are correctly matched?",
                        List.of(),
                        new Question.Pairs(
                                List.of("Tiger Reserve", "State"),
                                List.of(
                                        List.of("Pakke", "Arunachal Pradesh"),
                                        List.of("Satkosia", "Odisha"),
                                        List.of("Dampa", "Mizoram"))),
                        options("Only one", "Only two", "All three", "None"),
                        List.of("C"),
                        "All three are correct.\n\nPakke is also called Pakhui."),
                new Question(
                        "In the set {x : x = 2n # n ~ 1}, what do A & B < C > D and \"quoted\" mean?\n"
                                + "A second line\twith a tab, a \\backslash and :: colons.",
                        options("{ }", "~ =", "# :", "a\\b & <c> \"d\"", "[plain] %50% of it"),
                        List.of("D"),
                        "Write \\{ in GIFT; <b> is not bold here & that's \"fine\" ####."),
                new Question(
                        "भारत का राष्ट्रीय पशु कौन सा है? 🐯",
                        options("बाघ", "शेर", "हाथी", "Éléphant — ü"),
                        List.of("A"),
                        "बाघ (Panthera tigris) — 2023"));
    }

    /** Reads an export back as import would, the format told by the file's name. */
    private static ParseResult read(String name, String text) {
        return ArticleFiles.parse(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static QuestionBankContent only(ParseResult result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.banks()).hasSize(1);
        return result.banks().get(0);
    }

    @Test
    void moodleXmlReadsBackToTheSameQuestions() {
        String xml = QuestionExports.moodleXml("UPSC Prelims: Mixed / Set 1", bank());
        QuestionBankContent read = only(read("export.xml", xml));
        assertThat(read.title()).isEqualTo("UPSC Prelims: Mixed / Set 1");
        assertThat(read.questions()).containsExactlyElementsOf(bank());
    }

    @Test
    void giftReadsBackToTheSameQuestions() {
        String gift = QuestionExports.gift("UPSC Prelims: Mixed / Set 1", bank());
        QuestionBankContent read = only(read("export.gift", gift));
        assertThat(read.title()).isEqualTo("UPSC Prelims: Mixed / Set 1");
        assertThat(read.questions()).containsExactlyElementsOf(bank());
    }

    @Test
    void moodleXmlIsWellFormedWithTheUpscMarks() throws Exception {
        Document doc = dom(QuestionExports.moodleXml("Polity", bank()));
        NodeList questions = doc.getDocumentElement().getElementsByTagName("question");
        Element category = (Element) questions.item(0);
        assertThat(category.getAttribute("type")).isEqualTo("category");
        assertThat(category.getElementsByTagName("text").item(0).getTextContent())
                .isEqualTo("$course$/top/Polity");
        assertThat(questions.getLength()).isEqualTo(1 + bank().size());

        Element first = (Element) questions.item(1);
        assertThat(first.getAttribute("type")).isEqualTo("multichoice");
        assertThat(text(first, "single")).isEqualTo("true");
        assertThat(fractions(first)).containsExactly("100", "-33.33333", "-33.33333", "-33.33333");
        assertThat(first.getElementsByTagName("generalfeedback").item(0).getTextContent())
                .contains("<p>The Kosi shifts its course often and floods north Bihar.</p>");

        Element twoKeys = (Element) questions.item(2);
        assertThat(text(twoKeys, "single")).isEqualTo("false");
        assertThat(fractions(twoKeys)).containsExactly("50", "-33.33333", "50", "-33.33333");

        Element statements = (Element) questions.item(3);
        assertThat(statements.getElementsByTagName("questiontext").item(0).getTextContent())
                .contains("<p class=\"almanac-statement\"><b>1.</b> The President sets it up under Article 263.</p>");
        Element pairs = (Element) questions.item(5);
        assertThat(pairs.getElementsByTagName("questiontext").item(0).getTextContent())
                .contains("<thead><tr><th>Tiger Reserve</th><th>State</th></tr></thead>");
        Element special = (Element) questions.item(6);
        assertThat(special.getElementsByTagName("questiontext").item(0).getTextContent())
                .contains("A &amp; B &lt; C &gt; D and &quot;quoted&quot;")
                .contains("<br>A second line&#9;with");
    }

    @Test
    void questionsMoodleCannotHoldAreLeftOutAndSaidSo() {
        List<Question> questions = new ArrayList<>(bank().subList(0, 2));
        questions.add(new Question(
                "Discuss the role of the Finance Commission in fiscal federalism.", List.of(), List.of(), null));
        questions.add(new Question("Which is the largest delta?", options("Sundarbans", "Godavari"), List.of(), null));
        assertThat(QuestionExports.leftOut(questions))
                .hasSize(2)
                .allSatisfy(reason -> assertThat(reason).startsWith("question "));
        String xml = QuestionExports.moodleXml("Mixed", questions);
        assertThat(xml).contains("<!-- question 3 is left out: ").contains("<!-- question 4 is left out: ");
        assertThat(only(read("x.xml", xml)).questions()).containsExactlyElementsOf(bank().subList(0, 2));
        String gift = QuestionExports.gift("Mixed", questions);
        assertThat(gift).contains("// question 3 is left out: ");
        assertThat(only(read("x.gift", gift)).questions()).containsExactlyElementsOf(bank().subList(0, 2));
    }

    @Test
    void ankiHasItsHeadersThenOneNoteALineWithThreeFields() {
        List<QuestionExports.Item> items = new ArrayList<>();
        for (Question q : bank()) {
            items.add(new QuestionExports.Item(q, List.of("GS Paper 2", "Polity::Parliament", "prelims", "prelims")));
        }
        items.add(new QuestionExports.Item(
                new Question("Discuss cooperative federalism.", List.of(), List.of(), "Start from Article 263."),
                List.of()));
        String anki = QuestionExports.anki("UPSC::Prelims", items);
        List<String> lines = anki.lines().toList();
        assertThat(lines.subList(0, 4))
                .containsExactly("#separator:tab", "#html:true", "#deck:UPSC::Prelims", "#tags column:3");
        List<String> notes = lines.subList(4, lines.size());
        assertThat(notes).hasSize(items.size());
        for (int i = 0; i < notes.size(); i++) {
            List<String> fields = tabFields(notes.get(i));
            assertThat(fields).as(notes.get(i)).hasSize(3);
            assertThat(notes.get(i)).doesNotStartWith("#");
            assertThat(fields.get(0)).doesNotContain("\t", "\n");
            if (i < bank().size()) {
                assertThat(fields.get(2)).isEqualTo("GS_Paper_2 Polity_Parliament prelims");
            } else {
                assertThat(fields.get(2)).isEmpty();
            }
        }
        List<String> first = tabFields(notes.get(0));
        assertThat(first.get(0)).contains("Sorrow of Bihar").contains("<b>(A)</b> Kosi");
        assertThat(first.get(1)).contains("<b>Answer:</b> A").contains("The Kosi shifts its course");
        assertThat(tabFields(notes.get(5)).get(0))
                .contains("line&#9;with a tab")
                .contains("&lt;c&gt;");
        assertThat(tabFields(notes.get(bank().size())).get(1)).contains("Start from Article 263.");
    }

    @Property(tries = 200)
    void anyQuestionReadsBackFromBothFormats(@ForAll("questions") Question q) {
        List<Question> questions = List.of(q);
        assertThat(only(read("p.xml", QuestionExports.moodleXml("Random", questions)))
                        .questions())
                .containsExactly(q);
        assertThat(only(read("p.gift", QuestionExports.gift("Random", questions)))
                        .questions())
                .containsExactly(q);
    }

    @Provide
    Arbitrary<Question> questions() {
        Arbitrary<Integer> optionCount = Arbitraries.integers().between(2, 5);
        return optionCount.flatMap(n -> Combinators.combine(
                        text(),
                        statements(),
                        pairs(),
                        text().list().ofSize(n),
                        Arbitraries.integers().between(1, (1 << n) - 1),
                        text().injectNull(0.3))
                .as((stem, statements, pairs, texts, keys, explanation) -> {
                    List<Question.Option> options = new ArrayList<>();
                    List<String> answer = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        String label = String.valueOf((char) ('A' + i));
                        options.add(new Question.Option(label, texts.get(i)));
                        if ((keys & (1 << i)) != 0) {
                            answer.add(label);
                        }
                    }
                    return new Question(stem, statements, pairs, options, answer, explanation);
                }));
    }

    /** Words of the characters the formats care about, apart by spaces, tabs and line breaks, never at the ends. */
    private static Arbitrary<String> text() {
        Arbitrary<String> word = Arbitraries.strings()
                .withChars("abcXYZ019.,;?!'\"()[]{}~=#:%&<>/\\-_*|$@")
                .withChars('न', 'ü', '—', '“')
                .ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", "  ", "\t", "\n", "\n\n", "\n\n\n");
        return Combinators.combine(
                        word.list().ofMinSize(1).ofMaxSize(6), gap.list().ofSize(5))
                .as((words, gaps) -> {
                    StringBuilder sb = new StringBuilder(words.get(0));
                    for (int i = 1; i < words.size(); i++) {
                        sb.append(gaps.get(i - 1)).append(words.get(i));
                    }
                    return sb.toString();
                });
    }

    private static Arbitrary<List<Question.Statement>> statements() {
        return Arbitraries.integers().between(0, 4).flatMap(n -> {
            if (n < 2) {
                return Arbitraries.just(List.<Question.Statement>of());
            }
            return Combinators.combine(
                            Arbitraries.of(true, false), text().list().ofSize(n))
                    .as((roman, texts) -> {
                        List<Question.Statement> list = new ArrayList<>();
                        for (int i = 0; i < texts.size(); i++) {
                            String label =
                                    roman ? List.of("I", "II", "III", "IV").get(i) : String.valueOf(i + 1);
                            list.add(new Question.Statement(label, texts.get(i)));
                        }
                        return list;
                    });
        });
    }

    private static Arbitrary<Question.Pairs> pairs() {
        Arbitrary<List<String>> row = text().list().ofSize(2);
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        row,
                        row.list().ofMinSize(1).ofMaxSize(3))
                .as((headed, header, rows) -> new Question.Pairs(headed ? header : List.of(), rows))
                .injectNull(0.6);
    }

    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Element question, String tag) {
        return question.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static List<String> fractions(Element question) {
        NodeList answers = question.getElementsByTagName("answer");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < answers.getLength(); i++) {
            out.add(((Element) answers.item(i)).getAttribute("fraction"));
        }
        return out;
    }

    /** A line of Anki's tab-separated text: a field may be quoted, with a quote in it doubled. */
    static List<String> tabFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (i < line.length()) {
                    char c = line.charAt(i);
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        field.append(c);
                        i++;
                    }
                }
            }
            while (i < line.length() && line.charAt(i) != '\t') {
                field.append(line.charAt(i++));
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the tab
        }
    }
}
