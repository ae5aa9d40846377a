package app.almanac.bench;

import app.almanac.AlmanacApplication;
import app.almanac.ingest.ImportService;
import app.almanac.ingest.ImportSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end bulk import into the embedded H2 database, as {@code almanac import DIR} does it:
 * list the files, read and parse them on all cores, store each in its own transaction. One
 * operation imports the whole directory into an emptied database; articles/s = files / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4)
@Measurement(iterations = 6)
public class BulkImportBenchmark {

    @Param("2000")
    public int articles;

    private Path work;
    private Path inputs;
    private ConfigurableApplicationContext context;
    private ImportService importer;
    private JdbcClient jdbc;

    @Setup(Level.Trial)
    public void start() throws IOException {
        work = Files.createTempDirectory("almanac-bench");
        inputs = Files.createDirectories(work.resolve("inputs"));
        List<String> templates = BenchArticles.templates();
        for (int i = 0; i < articles; i++) {
            Files.writeString(inputs.resolve("article-" + i + ".txt"), BenchArticles.variant(templates, i));
        }
        context = new SpringApplicationBuilder(AlmanacApplication.class)
                .web(WebApplicationType.NONE)
                .run("--almanac.data-dir=" + work.resolve("data"), "--logging.level.root=WARN");
        importer = context.getBean(ImportService.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    @Setup(Level.Iteration)
    public void emptyDatabase() {
        jdbc.sql("delete from question_bank").update();
        jdbc.sql("delete from article").update();
        jdbc.sql("delete from change_log").update();
    }

    @Benchmark
    public int importDirectory() {
        AtomicInteger stored = new AtomicInteger();
        try (ImportSources sources = ImportSources.of(List.of(inputs))) {
            sources.parseAll(
                    parsed -> stored.addAndGet(importer.store(parsed).saved().size()));
        }
        if (stored.get() != articles) {
            throw new IllegalStateException("stored " + stored + " of " + articles);
        }
        return stored.get();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        context.close();
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
