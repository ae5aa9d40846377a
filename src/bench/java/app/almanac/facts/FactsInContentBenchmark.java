package app.almanac.facts;

import app.almanac.TestSeeds;
import app.almanac.article.ArticleContent;
import app.almanac.article.Question;
import app.almanac.ingest.ArticleFiles;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * Facts meeting content, on the shipped data set (about 1,000 facts, 300 entities), one core:
 * generating and proving 1,000 questions from every grouping as of a day (the bound: 2 s),
 * and linking and checking one seed-size analysis — its entities, its fact table as of its date,
 * its question and its prose claims (bound: 5 ms). The fact base is built once, as a node keeps it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 2,
        jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class FactsInContentBenchmark {

    private static final LocalDate DAY = LocalDate.of(2024, 2, 26);

    private FactBase facts;
    private EntityLinker linker;
    private ArticleContent seed;

    @Setup
    public void load() {
        facts = ShippedFacts.base();
        linker = ShippedFacts.linker(facts);
        seed = ArticleFiles.read(TestSeeds.CSTO).articles().get(0);
    }

    /** 1,000 questions from every template and grouping, each proven: exactly the keyed option true. */
    @Benchmark
    public int generateAndVerifyAThousandQuestions() {
        List<QuestionGenerator.Generated> questions = new QuestionGenerator(facts).generate(null, DAY, Set.of(), 1000);
        int proven = 0;
        for (QuestionGenerator.Generated g : questions) {
            if (Claim.verdict(g.claims(), List.of(g.key()), facts) == Claim.Verdict.HOLDS) {
                proven++;
            }
        }
        if (questions.size() != 1000 || proven != 1000) {
            throw new IllegalStateException(questions.size() + " made, " + proven + " proven");
        }
        return proven;
    }

    /** What saving the seed does besides storing it: link, check its table, its question and its prose. */
    @Benchmark
    public int linkAndCheckTheSeed() {
        int found = linker.link(ContentFacts.text(seed)).size();
        found += new TableChecks(facts, linker).check(seed, DAY).size();
        QuestionChecks questions = new QuestionChecks(facts, linker);
        for (Question q : seed.questions()) {
            found += questions
                    .read(q, DAY, ContentFacts.text(seed))
                    .map(c -> Claim.verdict(c.claims(), c.key(), facts).ordinal())
                    .orElse(0);
        }
        found += new ProseClaims(facts, linker).check(seed).size();
        return found;
    }
}
