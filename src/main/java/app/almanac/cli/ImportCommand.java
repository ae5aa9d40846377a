package app.almanac.cli;

import app.almanac.article.ArticleContent;
import app.almanac.article.SaveResult;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ImportService;
import app.almanac.ingest.ParseResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code almanac import FILE...}: parse analyses and store them. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import analyses from text files. Each file is stored whole or not at all; "
                + "refused files are reported with file, line and reason, and the exit code is 1.")
class ImportCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dry-run", description = "Parse and report, store nothing.")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "text",
            description = "Output of --dry-run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files to import.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ParseResult> parsed = files.stream().map(ArticleFiles::read).toList();
        int refused = 0;
        for (ParseResult result : parsed) {
            for (Diagnostic d : result.errors()) {
                err.println("refused " + d);
            }
            refused += result.ok() ? 0 : 1;
        }
        List<ParseResult> good = parsed.stream().filter(ParseResult::ok).toList();
        if (dryRun) {
            printDryRun(good, out);
        } else if (!good.isEmpty()) {
            refused += store(good, out, err);
        }
        if (!dryRun || format == Format.text) {
            out.printf("%d file%s read, %d refused%s%n", files.size(), files.size() == 1 ? "" : "s", refused,
                    dryRun ? " (dry run: nothing stored)" : "");
        }
        out.flush();
        err.flush();
        return refused == 0 ? 0 : AlmanacCommand.EXIT_REFUSED;
    }

    private int store(List<ParseResult> good, PrintWriter out, PrintWriter err) {
        int refused = 0;
        try (ConfigurableApplicationContext context = Application.start(root, false)) {
            ImportService importer = context.getBean(ImportService.class);
            for (ParseResult result : good) {
                ImportService.FileImport stored = importer.store(result);
                stored.errors().forEach(d -> err.println("refused " + d));
                refused += stored.ok() ? 0 : 1;
                for (SaveResult saved : stored.saved()) {
                    out.printf("%-9s %s -> %s (revision %d)%n", saved.outcome().name().toLowerCase(Locale.ROOT),
                            result.file(), saved.article().path(), saved.article().revision());
                }
            }
        }
        return refused;
    }

    private void printDryRun(List<ParseResult> good, PrintWriter out) {
        List<ArticleContent> articles = new ArrayList<>();
        good.forEach(r -> articles.addAll(r.articles()));
        if (format == Format.json) {
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            out.println(json.writeValueAsString(articles.size() == 1 ? articles.get(0) : articles));
            return;
        }
        for (ParseResult r : good) {
            for (ArticleContent a : r.articles()) {
                out.printf("%s: %s | %s | %d sections, %d questions%n", r.file(), a.date(), a.title(),
                        a.sections().size(), a.questions().size());
            }
        }
    }
}
