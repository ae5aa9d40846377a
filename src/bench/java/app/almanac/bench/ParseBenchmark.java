package app.almanac.bench;

import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * How many seed-sized text articles one core parses per second (bytes to article, no I/O). The
 * inputs rotate over the seed, the samples and the text fixtures, so no single layout dominates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 2,
        jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Threads(1)
public class ParseBenchmark {

    private final List<byte[]> inputs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws IOException {
        add(Path.of("../shared/seeds/000_2ec8f075a0e5bc30.txt"));
        for (Path dir : List.of(Path.of("src/main/resources/samples"), Path.of("src/test/resources/fixtures/text"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt"))
                        .sorted()
                        .toList()) {
                    if (!f.getFileName().toString().startsWith("q")) { // question banks are not articles
                        add(f);
                    }
                }
            }
        }
    }

    private void add(Path file) throws IOException {
        inputs.add(Files.readAllBytes(file));
        names.add(file.getFileName().toString());
    }

    /** The seed alone: 7 KB, a long fact table and a question, the largest of the inputs. */
    @Benchmark
    public ParseResult parseSeed() {
        return ArticleFiles.parse(names.get(0), inputs.get(0));
    }

    @Benchmark
    public ParseResult parseTextArticle() {
        int i = next++ % inputs.size();
        return ArticleFiles.parse(names.get(i), inputs.get(i));
    }
}
