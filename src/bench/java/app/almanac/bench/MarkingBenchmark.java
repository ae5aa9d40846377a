package app.almanac.bench;

import app.almanac.practice.Marking;
import app.almanac.practice.MarkingScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.fraction.BigFraction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Marking a full mock, 100 questions, in exact fractions: the time of one attempt's marking on one
 * core (the bound is 1 ms). The answers mix right, wrong, blank and multiple choices, and
 * a few questions are dropped, as a real attempt would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 2,
        jvmArgs = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class MarkingBenchmark {

    private final List<List<String>> keys = new ArrayList<>();
    private final List<String> choices = new ArrayList<>();
    private final List<Boolean> dropped = new ArrayList<>();

    @Setup
    public void attempt() {
        Random random = new Random(42);
        String[] labels = {"A", "B", "C", "D"};
        for (int i = 0; i < 100; i++) {
            keys.add(List.of(labels[random.nextInt(4)]));
            int r = random.nextInt(10);
            choices.add(r < 6 ? keys.get(i).get(0) : r < 8 ? labels[random.nextInt(4)] : r < 9 ? null : "AC");
            dropped.add(i % 37 == 0);
        }
    }

    @Benchmark
    public BigFraction markAHundredQuestions() {
        BigFraction total = BigFraction.ZERO;
        for (int i = 0; i < 100; i++) {
            total = total.add(Marking.mark(keys.get(i), dropped.get(i), choices.get(i), MarkingScheme.GS)
                    .marks());
        }
        return total;
    }
}
