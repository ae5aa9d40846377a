package app.almanac.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Question;
import app.almanac.article.Section;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextArticleParserTests {

    private final TextArticleParser parser = new TextArticleParser();

    private ArticleContent parseOne(String text) {
        ParseResult result = parser.parse("test.txt", text);
        assertThat(result.errors()).isEmpty();
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }

    private Diagnostic refusal(String text) {
        ParseResult result = parser.parse("bad.txt", text);
        assertThat(result.articles()).isEmpty();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    /** The seed, field by field. Long prose is checked against the seed's own lines, not copied. */
    @Nested
    class TheSeed {

        private final ArticleContent seed = parseOne(TestSeeds.text(TestSeeds.CSTO));
        private final List<String> seedLines = TestSeeds.lines(TestSeeds.CSTO);

        @Test
        void readsTheHeader() {
            assertThat(seed.title()).isEqualTo("COLLECTIVE SECURITY TREATY ORGANISATION (CSTO)");
            assertThat(seed.date()).isEqualTo(LocalDate.of(2024, 2, 26));
            assertThat(seed.publisher()).isEqualTo("IAS Gyan");
            assertThat(seed.series()).isEqualTo("Daily News Analysis");
            assertThat(seed.category()).isEqualTo("International News");
        }

        @Test
        void readsTheContextLineWithoutItsLabel() {
            assertThat(seed.context())
                    .startsWith("Armenia freezes participation")
                    .doesNotContain("Context:");
            assertThat("Context: " + seed.context()).isIn(seedLines);
        }

        @Test
        void keepsThePictureCreditWithItsLink() {
            assertThat(seed.credits()).singleElement().satisfies(credit -> {
                assertThat(credit.label()).isEqualTo("Picture Courtesy");
                assertThat(credit.url())
                        .startsWith("https://www.globalsecurity.org/")
                        .endsWith("csto.htm");
            });
        }

        @Test
        void readsTheFourSectionsInOrder() {
            assertThat(seed.sections())
                    .extracting(Section::heading)
                    .containsExactly(
                            "Details", "Reason", "Background", "About Collective Security Treaty Organization (CSTO)");
        }

        @Test
        void readsDetailsReasonAndBackgroundAsBulletLists() {
            List<Integer> sizes = seed.sections().subList(0, 3).stream()
                    .map(section -> {
                        assertThat(section.blocks()).singleElement().isInstanceOf(Block.BulletList.class);
                        List<String> items =
                                ((Block.BulletList) section.blocks().get(0)).items();
                        assertThat(items)
                                .allSatisfy(
                                        item -> assertThat(item).isIn(seedLines).doesNotStartWith("•"));
                        return items.size();
                    })
                    .toList();
            assertThat(sizes).containsExactly(2, 2, 3);
        }

        @Test
        void readsTheAboutSectionAsOneTableWithEightRows() {
            Section about = seed.sections().get(3);
            assertThat(about.blocks()).singleElement().isInstanceOf(Block.FactTable.class);
            Block.FactTable table = (Block.FactTable) about.blocks().get(0);
            assertThat(table.header()).containsExactly("Aspects", "Description");
            assertThat(table.rows())
                    .extracting(row -> row.get(0))
                    .containsExactly(
                            List.of("Founding Members"),
                            List.of("Year Founded"),
                            List.of("Current Members"),
                            List.of("Headquarters"),
                            List.of("Main Goals"),
                            List.of("Key Features"),
                            List.of("Peacekeeping Operations"),
                            List.of("Challenges and Criticisms"));
            assertThat(table.rows()).allSatisfy(row -> assertThat(row).hasSize(2));
            assertThat(table.rows()).extracting(row -> row.get(1).size()).containsExactly(1, 1, 1, 1, 3, 4, 3, 3);
            assertThat(table.rows())
                    .flatExtracting(row -> row.get(1))
                    .allSatisfy(p -> assertThat(p).isIn(seedLines));
            assertThat(table.rows().get(3).get(1)).containsExactly("Moscow, Russia");
        }

        @Test
        void readsThePracticeQuestion() {
            assertThat(seed.questions()).singleElement().satisfies(q -> {
                assertThat(q.stem())
                        .startsWith("Which of the following countries is NOT")
                        .endsWith("(CSTO)?");
                assertThat("Q. " + q.stem()).isIn(seedLines);
                assertThat(q.options())
                        .containsExactly(
                                new Question.Option("A", "Tajikistan"), new Question.Option("B", "Belarus"),
                                new Question.Option("C", "Kazakhstan"), new Question.Option("D", "Uzbekistan"));
                assertThat(q.answer()).containsExactly("D");
                assertThat(q.explanation())
                        .startsWith("While Uzbekistan was a founding member")
                        .isIn(seedLines);
            });
        }

        @Test
        void leavesBoilerplateAndTheRepeatedTitleOut() {
            String everything = seed.sections().toString() + seed.context() + seed.credits();
            assertThat(everything)
                    .doesNotContainIgnoringCase("copyright")
                    .doesNotContain(seed.title())
                    .doesNotContain("PRACTICE QUESTION")
                    .doesNotContain("Answer: D");
        }

        @Test
        void readsTheSameWhateverTheLineEndingsSpacesAndBlankLines() {
            String messy = TestSeeds.text(TestSeeds.CSTO)
                    .replace("\n\n", "\n") // no blank lines
                    .replace("\n", "\r\n") // Windows line endings
                    .replace("Daily News", "Daily\u00A0News") // a non-breaking space
                    .replace("  •", "\t•"); // tab-indented bullets
            assertThat(parseOne("\uFEFF" + messy)).isEqualTo(seed);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "26th February, 2024 International News | 2024-02-26 | International News",
                "1st March 2024                          | 2024-03-01 |",
                "22nd Sept. 2023 · Economy                | 2023-09-22 | Economy",
                "February 26, 2024 - Polity             | 2024-02-26 | Polity",
                "12th August 2021                        | 2021-08-12 |",
                "26-02-2024 Environment                  | 2024-02-26 | Environment",
                "26/02/2024                              | 2024-02-26 |",
                "2024-02-26 Science                      | 2024-02-26 | Science",
            })
    void readsTheDateLineAsPublishersWriteIt(String dateLine, LocalDate date, String category) {
        ArticleContent a = parseOne("A river treaty\n" + dateLine.strip() + "\nContext: Two states signed it.\n");
        assertThat(a.date()).isEqualTo(date);
        assertThat(a.category()).isEqualTo(category == null ? null : category.strip());
    }

    @Test
    void readsHeadingsWithAColonParagraphsAndAnUnansweredQuestion() {
        ArticleContent a = parseOne("""
                Monsoon outlook revised
                3rd June, 2024 Geography
                Source: India Meteorological Department
                Context: The weather office raised its forecast for the season.
                What changed:
                The forecast now expects rainfall above the long-period average.
                A second paragraph explains the method.
                Practice Questions
                Q1. Which body issues the seasonal monsoon forecast?
                (a) NITI Aayog
                (b) India Meteorological Department
                """);
        assertThat(a.credits()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("Source");
            assertThat(c.text()).isEqualTo("India Meteorological Department");
            assertThat(c.url()).isNull();
        });
        assertThat(a.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("What changed");
            assertThat(s.blocks()).hasSize(2).allSatisfy(b -> assertThat(b).isInstanceOf(Block.Paragraph.class));
        });
        assertThat(a.questions()).singleElement().satisfies(q -> {
            assertThat(q.options()).extracting(Question.Option::label).containsExactly("A", "B");
            assertThat(q.answer()).as("no answer in the source: never guessed").isEmpty();
            assertThat(q.explanation()).isNull();
        });
    }

    @Test
    void readsSeveralQuestionsMultipleAnswersAndLongExplanations() {
        ArticleContent a = parseOne("""
                Two questions
                3rd June, 2024
                Context: A short note.
                PRACTICE QUESTIONS
                Q. Which of these are planets?
                A) Mars
                B) Moon
                C) Venus
                Answer: A and C
                Explanation:
                Mars and Venus orbit the Sun.
                The Moon orbits the Earth.
                Q. Is the Sun a star?
                A) Yes
                B) No
                Ans: (a)
                """);
        assertThat(a.questions()).hasSize(2);
        assertThat(a.questions().get(0).answer()).containsExactly("A", "C");
        assertThat(a.questions().get(0).explanation())
                .isEqualTo("Mars and Venus orbit the Sun.\n\nThe Moon orbits the Earth.");
        assertThat(a.questions().get(1).answer()).containsExactly("A");
    }

    @Test
    void aHistoricalDateInTheBodyIsTextNotADateLine() {
        ArticleContent a = parseOne("""
                The revolt of 1857 remembered
                10th May, 2024 History
                Context: A museum opened in Meerut.
                Timeline
                10 May 1857 – sepoys rose in Meerut.
                31 February is no date at all, and that is fine in the body.
                """);
        assertThat(a.date()).isEqualTo(LocalDate.of(2024, 5, 10));
        assertThat(a.sections())
                .singleElement()
                .satisfies(s -> assertThat(s.blocks()).hasSize(2));
    }

    @Nested
    class RefusesWithFileAndLine {

        @Test
        void anEmptyFile() {
            assertThat(refusal(" \n\n \n").toString())
                    .isEqualTo("bad.txt:1: empty file: expected an article (a title line, then a date line)");
        }

        @Test
        void textWithNoTitleAndDate() {
            Diagnostic d = refusal("\n\njust some words\nand more words\n");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).startsWith("no recognisable title");
        }

        @Test
        void aDateWithNoTitleBeforeIt() {
            Diagnostic d = refusal("26th February, 2024\nContext: something\n");
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.message()).contains("no title");
        }

        @Test
        void aDateThatDoesNotExist() {
            Diagnostic d = refusal("Title\n31st February, 2024\nContext: x\n");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).isEqualTo("'31st February, 2024' is not a real date");
        }

        @Test
        void aTitleAndDateWithNothingAfterThem() {
            Diagnostic d = refusal("Title\n\n1st March 2024\n");
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.message()).contains("no text after them");
        }

        @Test
        void anAnswerThatIsNotAnOption() {
            Diagnostic d = refusal("""
                    Title
                    1st March 2024
                    Context: x
                    Practice question
                    Q. Pick one
                    A) this
                    B) that
                    Answer: E
                    """);
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).isEqualTo("the answer 'E' is not one of the options A, B");
        }

        @Test
        void aQuestionWithASingleOption() {
            Diagnostic d = refusal("Title\n1st March 2024\nContext: x\nPractice question\nQ. Pick\nA) only\n");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("only one option");
        }

        @Test
        void textAfterThePracticeHeadingThatIsNoQuestion() {
            Diagnostic d = refusal("Title\n1st March 2024\nContext: x\nPractice question\nsomething else\n");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("expected a question such as 'Q1. …'");
        }

        @Test
        void aStrayLineBetweenOptions() {
            Diagnostic d = refusal(
                    "Title\n1st March 2024\nContext: x\nPractice question\nQ. Pick\nA) one\nB) two\nstray words\n");
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).contains("question that starts on line 5");
        }
    }

    @Test
    void aSitesMenuCopiedWithThePageIsNeitherPublisherNorSeries() {
        ParseResult r = parser.parse("menu.txt", """
                CivilsDaily
                Home    Courses    Current Affairs    Prelims    Mains    Login

                Centre asks states to update the land register
                January 8, 2024
                Context: The Centre asked every state to finish digitising its land records by March.
                Details
                • Most states have digitised more than nine in ten of their records.
                """);
        assertThat(r.errors()).isEmpty();
        assertThat(r.articles().get(0).publisher()).isEqualTo("CivilsDaily");
        assertThat(r.articles().get(0).series()).as("the menu is boilerplate").isNull();
        assertThat(r.articles().get(0).title())
                .as("a title ending in 'register' is no menu")
                .isEqualTo("Centre asks states to update the land register");
    }
}
