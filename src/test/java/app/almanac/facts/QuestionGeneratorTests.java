package app.almanac.facts;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.article.Question;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionGeneratorTests {

    private static final LocalDate SEED_DAY = LocalDate.of(2024, 2, 26);

    private final FactBase facts = ShippedFacts.base();
    private final QuestionGenerator generator = new QuestionGenerator(facts);
    private final Entity csto = facts.bySlug("csto").orElseThrow();

    private static List<String> options(QuestionGenerator.Generated g) {
        return g.question().options().stream().map(Question.Option::text).toList();
    }

    private static String key(QuestionGenerator.Generated g) {
        return g.question().options().get(g.key()).text();
    }

    @Test
    void asOfTheSeedsDayItWritesTheSeedsQuestionWithUzbekistanTheOnlyNonMember() {
        List<QuestionGenerator.Generated> questions =
                generator.of(QuestionGenerator.Template.NOT_A_MEMBER, csto, SEED_DAY);
        QuestionGenerator.Generated seed = questions.stream()
                .filter(g -> Set.copyOf(options(g)).equals(Set.of("Tajikistan", "Belarus", "Kazakhstan", "Uzbekistan")))
                .findFirst()
                .orElseThrow();
        assertThat(key(seed)).isEqualTo("Uzbekistan");
        assertThat(seed.question().stem())
                .startsWith("As of February 2024, ")
                .contains("NOT a member of the Collective Security Treaty Organization (CSTO)");
        assertThat(seed.question().explanation())
                .contains("Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan")
                .contains("Uzbekistan")
                .contains("suspended from 19 December 2012")
                .contains("Sources: ");
        assertThat(seed.facts()).allSatisfy(f -> assertThat(f.sources()).isNotEmpty());
        assertThat(seed.asOf()).isEqualTo(SEED_DAY);
        // among the first few a short list shows, not buried
        assertThat(questions.indexOf(seed)).isLessThan(5);
    }

    @Test
    void everyTemplateWritesQuestionsAndEachOneIsProvenAsOfItsDate() {
        Set<QuestionGenerator.Template> seen = EnumSet.noneOf(QuestionGenerator.Template.class);
        for (LocalDate day : List.of(SEED_DAY, LocalDate.of(2015, 6, 1), LocalDate.of(2026, 11, 1))) {
            List<QuestionGenerator.Generated> all = generator.generate(null, day, Set.of(), 1000);
            assertThat(all).hasSizeGreaterThan(100);
            for (QuestionGenerator.Generated g : all) {
                seen.add(g.template());
                assertThat(g.question().options()).hasSize(4);
                assertThat(g.question().answer()).hasSize(1);
                assertThat(Claim.verdict(g.claims(), List.of(g.key()), facts))
                        .as(g.question().stem())
                        .isEqualTo(Claim.Verdict.HOLDS);
                assertThat(options(g)).doesNotHaveDuplicates();
                assertThat(g.question().explanation()).contains("Sources: ");
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(QuestionGenerator.Template.values());
    }

    @Test
    void aNotAMemberQuestionNeedsACompleteListAndNeverLeansOnAContestedOrImpreciseFact() {
        Entity cis = facts.bySlug("cis").orElseThrow();
        assertThat(facts.complete(cis.id(), SEED_DAY)).isFalse();
        assertThat(generator.of(QuestionGenerator.Template.NOT_A_MEMBER, cis, SEED_DAY))
                .isEmpty();
        // Armenia's membership is disputed from 4 December 2024: it is no option either way after that
        for (QuestionGenerator.Generated g :
                generator.of(QuestionGenerator.Template.NOT_A_MEMBER, csto, LocalDate.of(2025, 6, 1))) {
            assertThat(options(g)).doesNotContain("Armenia");
        }
        // Uzbekistan returned in 2006, a year only: within that year it is no option
        for (QuestionGenerator.Generated g :
                generator.of(QuestionGenerator.Template.NOT_A_MEMBER, csto, LocalDate.of(2006, 8, 1))) {
            assertThat(options(g)).doesNotContain("Uzbekistan");
        }
    }

    @Test
    void aQuestionIsDatedByItsMonthOnlyWhenTheAnswerHoldsAllMonth() {
        // Armenia froze its participation on 22 February 2024; frozen is still membership, so the month holds
        assertThat(generator.of(QuestionGenerator.Template.LEFT, csto, SEED_DAY))
                .isNotEmpty()
                .allSatisfy(g -> assertThat(g.question().stem()).startsWith("As of February 2024, "));
        // on 19 December 2012 Uzbekistan's membership was suspended: earlier that month it was still a member
        List<QuestionGenerator.Generated> december =
                generator.of(QuestionGenerator.Template.LEFT, csto, LocalDate.of(2012, 12, 28));
        assertThat(december)
                .isNotEmpty()
                .allSatisfy(g -> assertThat(g.question().stem()).startsWith("As of 28 December 2012, "));
    }

    @Test
    void foundingMembersAreThoseOfTheCharterNotOfTheTreatyItSucceeded() {
        List<QuestionGenerator.Generated> founders =
                generator.of(QuestionGenerator.Template.FOUNDING_MEMBER, csto, SEED_DAY);
        assertThat(founders).isNotEmpty();
        for (QuestionGenerator.Generated g : founders) {
            assertThat(g.question().stem()).contains("when it was established in 2002");
            assertThat(key(g)).isIn("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan");
        }
        // Uzbekistan signed the 1992 treaty but not the 2002 Charter: a fair distractor, provably wrong
        assertThat(founders).anySatisfy(g -> assertThat(options(g)).contains("Uzbekistan"));
    }

    @Test
    void statementAndPairQuestionsCountWhatIsTrue() {
        for (QuestionGenerator.Template t :
                List.of(QuestionGenerator.Template.STATEMENTS, QuestionGenerator.Template.MATCH_PAIRS)) {
            List<QuestionGenerator.Generated> qs = generator.of(t, csto, SEED_DAY);
            assertThat(qs).as(t.code).isNotEmpty();
            assertThat(qs.stream()
                            .map(g -> g.question().answer().get(0))
                            .distinct()
                            .count())
                    .as("the answers vary")
                    .isGreaterThan(1);
        }
        QuestionGenerator.Generated pairs = generator
                .of(QuestionGenerator.Template.MATCH_PAIRS, csto, SEED_DAY)
                .get(0);
        assertThat(pairs.question().pairs().rows()).hasSize(3);
        assertThat(pairs.question().stem())
                .contains("How many of the pairs given above are correctly matched?".substring(1));
    }

    @Test
    void aCountIsRespectedAndTemplatesTakeTurns() {
        List<QuestionGenerator.Generated> ten = generator.generate(csto, SEED_DAY, Set.of(), 10);
        assertThat(ten).hasSize(10);
        assertThat(ten.stream()
                        .map(QuestionGenerator.Generated::template)
                        .distinct()
                        .count())
                .isEqualTo(8);
        assertThat(generator.generate(csto, SEED_DAY, Set.of(QuestionGenerator.Template.HEADQUARTERS), 3))
                .hasSize(3)
                .allSatisfy(g -> assertThat(key(g)).isEqualTo("Moscow"));
    }
}
