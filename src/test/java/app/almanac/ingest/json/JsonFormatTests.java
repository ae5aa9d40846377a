package app.almanac.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFormatTests {

    private static Diagnostic refusal(String name, String json) {
        ParseResult result = JsonFormat.parse(name, json);
        assertThat(result.articles()).isEmpty();
        assertThat(result.banks()).isEmpty();
        return result.errors().get(0);
    }

    @Test
    void aWrongBlockTypeNamesTheFieldAndItsLine() {
        Diagnostic d = refusal("a.json", """
                {
                  "title": "A test",
                  "date": "2024-02-26",
                  "sections": [
                    {"heading": "Details",
                     "blocks": [
                       {"type": "tabel", "items": []}
                     ]}
                  ]
                }
                """);
        assertThat(d.line()).isEqualTo(7);
        assertThat(d.message()).startsWith("sections[0].blocks[0].type: ").contains("paragraph", "list", "table");
    }

    @Test
    void aMisspelledFieldIsRefusedNotIgnored() {
        Diagnostic d = refusal("a.json", "{\"title\": \"T\", \"date\": \"2024-02-26\", \"contxt\": \"x\"}");
        assertThat(d.message()).contains("contxt");
    }

    @Test
    void aDateThatDoesNotExistIsRefused() {
        assertThat(refusal("a.json", "{\"title\": \"T\", \"date\": \"2024-02-31\"}")
                        .message())
                .isEqualTo("date: '2024-02-31' is not a real date");
        assertThat(refusal("a.json", "{\"title\": \"T\", \"date\": \"26-02-2024\"}")
                        .message())
                .startsWith("date: ");
    }

    @Test
    void anAnswerMustBeOneOfTheOptions() {
        Diagnostic d = refusal("a.json", """
                {"title": "T", "date": "2024-02-26",
                 "questions": [{"stem": "x", "options": [{"label": "A", "text": "a"}, {"label": "B", "text": "b"}],
                                "answer": ["C"]}]}
                """);
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).isEqualTo("questions[0].answer: the answer 'C' is not one of the options A, B");
    }

    @Test
    void optionsWithTheSameLabelAreRefusedAsInEveryFormat() {
        ParseResult result = ArticleFiles.parse(
                "a.json",
                ("{\"title\": \"T\", \"date\": \"2024-02-26\", \"questions\": [{\"stem\": \"x\", "
                                + "\"options\": [{\"label\": \"A\", \"text\": \"a\"}, {\"label\": \"A\", \"text\": \"b\"}]}]}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(result.errors())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).endsWith("two options have the same label [A, A]"));
    }

    @Test
    void brokenJsonSaysWhereItBroke() {
        Diagnostic d = refusal("a.json", "{\n  \"title\": \"T\",\n  \"date\": \n");
        assertThat(d.message()).startsWith("not valid JSON");
        assertThat(d.line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTitleAndADateAreRequired() {
        assertThat(refusal("a.json", "{\"date\": \"2024-02-26\"}").message()).contains("title");
    }

    @Test
    void aQuestionBankWithoutTitleIsNamedAfterItsFile() {
        ParseResult result = JsonFormat.parse(
                "dir/weekly-quiz.json",
                "{\"questions\": [{\"stem\": \"Is water wet?\", \"options\": [{\"label\": \"A\", \"text\": \"Yes\"}, "
                        + "{\"label\": \"B\", \"text\": \"No\"}], \"answer\": [\"A\"]}]}");
        assertThat(result.banks()).singleElement().satisfies(b -> {
            assertThat(b.title())
                    .as("named after its path, so banks in two folders never merge")
                    .isEqualTo("dir/weekly-quiz");
            assertThat(b.questions().get(0).answer()).containsExactly("A");
        });
    }

    @Test
    void anArrayHoldsSeveralArticles() {
        ParseResult result = JsonFormat.parse(
                "a.json",
                "[{\"title\": \"One\", \"date\": \"2024-02-26\"}, {\"title\": \"Two\", \"date\": \"2024-02-27\", \"tags\": [\"x\"]}]");
        assertThat(result.articles()).extracting(a -> a.title()).containsExactly("One", "Two");
        assertThat(result.articles().get(1).tags()).containsExactly("x");
    }
}
