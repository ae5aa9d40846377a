package app.almanac.cli;

import app.almanac.article.ArticleWriter;
import app.almanac.ingest.DemoArticles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code almanac demo-data --articles N}: fills the database with made-up analyses, for demos and benchmarks. */
@Command(
        name = "demo-data",
        mixinStandardHelpOptions = true,
        description =
                "Store N made-up but realistic analyses (with fact tables and questions). Running it again is harmless.")
class DemoDataCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--articles", defaultValue = "1000", description = "How many (default: ${DEFAULT-VALUE}).")
    int articles;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (articles < 1 || articles > 10_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--articles must be between 1 and 10,000,000");
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Application.start(root, false);
                Progress progress = Progress.start(
                        "Generating", "articles", articles, spec.commandLine().getErr(), System.console() != null)) {
            ArticleWriter store = context.getBean(ArticleWriter.class);
            for (int i = 0; i < articles; i++) {
                store.save(DemoArticles.article(i));
                progress.step();
            }
        }
        out.printf("Stored %d demo articles in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
