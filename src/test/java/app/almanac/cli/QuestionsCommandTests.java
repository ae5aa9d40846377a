package app.almanac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import app.almanac.article.QuestionBankContent;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code almanac questions export}, read back by a real XML parser and by Almanac's own importer. */
class QuestionsCommandTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    private Cli.Run almanac(String... args) {
        return new Cli(dataDir).run(args);
    }

    @Test
    void theSeedsQuestionGoesToMoodleXmlWithUpscFractionsAndComesBackAsABank() throws Exception {
        assertThat(almanac("import", TestSeeds.CSTO.toString()).exitCode()).isZero();
        Path xml = files.resolve("out/csto.xml");
        Cli.Run export = almanac("questions", "export", "--format", "moodle-xml", "--out", xml.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("1 questions exported");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(xml.toFile());
        NodeList questions = doc.getElementsByTagName("question");
        Element mcq = (Element) questions.item(1);
        assertThat(mcq.getAttribute("type")).isEqualTo("multichoice");
        NodeList answers = mcq.getElementsByTagName("answer");
        assertThat(answers.getLength()).isEqualTo(4);
        List<String> fractions = new java.util.ArrayList<>();
        for (int i = 0; i < answers.getLength(); i++) {
            fractions.add(((Element) answers.item(i)).getAttribute("fraction"));
        }
        assertThat(fractions).containsExactlyInAnyOrder("100", "-33.33333", "-33.33333", "-33.33333");

        ParseResult back = ArticleFiles.parse("csto.xml", Files.readAllBytes(xml));
        assertThat(back.errors()).isEmpty();
        QuestionBankContent bank = back.banks().get(0);
        ParseResult seed = ArticleFiles.read(TestSeeds.CSTO);
        assertThat(bank.questions())
                .containsExactlyElementsOf(seed.articles().get(0).questions());

        assertThat(almanac("import", xml.toString()).exitCode()).isZero();
        Path anki = files.resolve("csto.txt");
        Cli.Run toAnki = almanac(
                "questions", "export", "--format", "anki", "--bank", "almanac-questions", "--out", anki.toString());
        assertThat(toAnki.exitCode()).as(toAnki.err()).isZero();
        List<String> lines = Files.readAllLines(anki, StandardCharsets.UTF_8);
        assertThat(lines.subList(0, 4))
                .containsExactly("#separator:tab", "#html:true", "#deck:Almanac questions", "#tags column:3");
        assertThat(lines.get(4).split("\t", -1)).hasSize(3);
    }

    @Test
    void aBadFormatOrAnUnknownBankIsRefusedAndNothingIsWritten() {
        Path out = files.resolve("nothing.gift");
        Cli.Run format = almanac("questions", "export", "--format", "docx", "--out", out.toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("moodle-xml, gift or anki");
        Cli.Run bank = almanac("questions", "export", "--format", "gift", "--bank", "no-such", "--out", out.toString());
        assertThat(bank.exitCode()).isEqualTo(1);
        assertThat(bank.err()).contains("no-such");
        Cli.Run none = almanac("questions", "export", "--format", "gift", "--tag", "nothing", "--out", out.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();
    }
}
