package app.almanac.cli;

import app.almanac.article.ArticleService;
import app.almanac.search.SearchService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code almanac reindex}: rebuilds this node's search index from the database. */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the search index from the database.",
            "A running server keeps its index current by itself; stop it before rebuilding its index."
        })
class ReindexCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Application.start(
                root, false, "--almanac.search.enabled=true", "--almanac.change-log.follow-delay=1d")) {
            long total = context.getBean(ArticleService.class).count();
            int done;
            try (Progress progress = Progress.start("Indexing", "articles", total, err, System.console() != null)) {
                done = context.getBean(SearchService.class).rebuild(n -> progress.step());
            }
            out.printf("Indexed %d articles in %.1f s%n", done, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (BeanCreationException e) {
            if (rootCause(e) instanceof LockObtainFailedException) {
                err.println("almanac reindex: the search index is in use by a running Almanac, which keeps it current "
                        + "itself; stop it first to rebuild the index");
                return AlmanacCommand.EXIT_REFUSED;
            }
            throw e;
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
