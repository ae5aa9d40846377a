package app.almanac.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.article.Question;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OptionOrderTests {

    private static Question question(String... texts) {
        String[] labels = {"A", "B", "C", "D"};
        List<Question.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            options.add(new Question.Option(labels[i], texts[i]));
        }
        return new Question("Which city hosts the secretariat?", options, List.of("C"), null);
    }

    @Test
    void plainOptionsMoveUnderLabelsThatStayInOrderAndChoicesTranslateBack() {
        Question q = question("Moscow", "Minsk", "Dushanbe", "Yerevan");
        OptionOrder order = new OptionOrder("CADB");
        Question shown = order.shown(q);
        assertThat(shown.options()).extracting(Question.Option::label).containsExactly("A", "B", "C", "D");
        assertThat(shown.options())
                .extracting(Question.Option::text)
                .containsExactly("Dushanbe", "Moscow", "Yerevan", "Minsk");
        assertThat(shown.answer()).as("the key moves with its text").containsExactly("A");
        assertThat(order.toOwn(q, "A")).isEqualTo("C");
        assertThat(order.toShown(q, "C")).isEqualTo("A");
        assertThat(order.toOwn(q, null)).isNull();
        assertThat(Marking.mark(q.answer(), false, order.toOwn(q, "A"), MarkingScheme.GS)
                        .outcome())
                .isEqualTo(Marking.Outcome.RIGHT);
    }

    @Test
    void optionsThatReferToOthersOrToStatementsAreNeverReordered() {
        assertThat(OptionOrder.shufflable(question("1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2")))
                .isFalse();
        assertThat(OptionOrder.shufflable(question("Moscow", "Minsk", "All of the above", "None of the above")))
                .isFalse();
        assertThat(OptionOrder.shufflable(question("Moscow", "(a) and (b)", "Dushanbe", "Yerevan")))
                .isFalse();
        assertThat(OptionOrder.shuffled(question("1 only", "2 only", "Both 1 and 2", "Neither"), new Random(1)))
                .isEqualTo(OptionOrder.NATURAL);
        Question plain = question("Moscow", "Minsk", "Dushanbe", "Yerevan");
        assertThat(OptionOrder.shufflable(plain)).isTrue();
        assertThat(OptionOrder.shuffled(plain, new Random(7)).labels())
                .hasSize(4)
                .contains("A", "B", "C", "D");
    }
}
