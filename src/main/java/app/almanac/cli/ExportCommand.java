package app.almanac.cli;

import app.almanac.article.Article;
import app.almanac.article.ArticleService;
import app.almanac.ingest.ArticleFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code almanac export}: stored articles back to Markdown or JSON, which import reads again unchanged;
 * with {@code --all DIR}, everything in the open formats (see {@link ExportAll}).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export stored articles as Markdown (the authoring format) or JSON.",
            "With --out DIR every article (or each SLUG) becomes DATE-SLUG.md or .json in DIR;",
            "without it, the named articles are printed.",
            "With --all DIR, everything: articles/ (DATE-SLUG.md and .json), facts/facts.json (what 'facts load'",
            "reads), questions/questions.xml (Moodle XML), README.txt and manifest.json, and learners/EMAIL.json",
            "for each --learner EMAIL only. DIR must be new, empty or an earlier export (then replaced whole);",
            "it appears complete or not at all."
        })
class ExportCommand implements Callable<Integer> {

    enum Format {
        markdown,
        json
    }

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--format",
            defaultValue = "markdown",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write one file per article into DIR (created if missing).")
    Path out;

    @Option(
            names = "--all",
            paramLabel = "DIR",
            description = "Export everything (articles, facts, questions) into DIR, in the open formats.")
    Path all;

    @Option(
            names = "--learner",
            paramLabel = "EMAIL",
            description = "With --all: also this learner's practice history (repeat for more). Personal data"
                    + " leaves only for the learners named.")
    List<String> learners;

    @Parameters(arity = "0..*", paramLabel = "SLUG", description = "Articles to export (default: all, with --out).")
    List<String> slugs;

    @Override
    public Integer call() {
        if (all != null) {
            // usage errors (exit 2): --all writes every article in both formats into its own layout
            if (slugs != null && !slugs.isEmpty()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--all exports every article; name SLUGs without --all (with --out DIR or to print them)");
            }
            if (out != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--all DIR and --out DIR do not go together; give one of them");
            }
            if (spec.commandLine().getParseResult().hasMatchedOption("--format")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--all writes every article as both Markdown and JSON; drop --format");
            }
            return new ExportAll(
                            root,
                            all,
                            learners,
                            spec.commandLine().getOut(),
                            spec.commandLine().getErr())
                    .run();
        }
        if (learners != null && !learners.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--learner goes with --all DIR: a learner's history is part of a whole export");
        }
        try {
            return export();
        } catch (IOException e) {
            spec.commandLine()
                    .getErr()
                    .println("almanac export: cannot write " + (out == null ? "the output" : out) + ": "
                            + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage());
            return AlmanacCommand.EXIT_REFUSED;
        }
    }

    private Integer export() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out == null && (slugs == null || slugs.isEmpty())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Name the articles to print, give --out DIR to export all articles, or --all DIR for everything");
        }
        try (ConfigurableApplicationContext context = Application.start(root, false)) {
            ArticleService articles = context.getBean(ArticleService.class);
            List<String> wanted = slugs == null || slugs.isEmpty() ? articles.allSlugs() : slugs;
            if (out != null) {
                Files.createDirectories(out);
            }
            int missing = 0;
            try (Progress progress = Progress.start(
                    "Exporting", "articles", wanted.size(), err, out != null && System.console() != null)) {
                for (String slug : wanted) {
                    Optional<Article> article = articles.findPublishedBySlug(slug);
                    if (article.isEmpty()) {
                        err.println("no article is called '" + slug + "'");
                        missing++;
                        continue;
                    }
                    String text = format == Format.markdown
                            ? ArticleFiles.markdown(article.get().content())
                            : ArticleFiles.json(article.get().content());
                    if (out == null) {
                        stdout.print(text);
                    } else {
                        String name = article.get().content().date() + "-" + slug
                                + (format == Format.markdown ? ".md" : ".json");
                        Files.writeString(out.resolve(name), text);
                    }
                    if (out != null) {
                        progress.step();
                    }
                }
            }
            if (out != null) {
                stdout.printf("%d articles exported to %s%n", wanted.size() - missing, out);
            }
            stdout.flush();
            return missing == 0 ? 0 : AlmanacCommand.EXIT_REFUSED;
        }
    }
}
