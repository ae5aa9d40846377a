package app.almanac.cli;

import app.almanac.article.QuestionBankService;
import app.almanac.article.SaveResult;
import app.almanac.ingest.ArticleFiles;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ImportService;
import app.almanac.ingest.ImportSources;
import app.almanac.ingest.ParseExplanation;
import app.almanac.ingest.ParseResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code almanac import FILE|DIR|ZIP...}: parse analyses and question banks and store them. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import analyses and question banks from text, Markdown (.md), saved web pages (.html) and JSON files,",
            "directories (walked recursively) and ZIP archives. Each file is stored whole or not at all; refused",
            "files are listed with file, line and reason, and the exit code is then 1.",
            "An article is the same article when its date and title match: importing it again is 'unchanged',",
            "an edited text becomes a new revision. A page that gives no publication date is stored as a draft",
            "that needs one (listed on the desk; exit code 0), unless --date gives the day."
        })
class ImportCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dry-run", description = "Parse and report, store nothing.")
    boolean dryRun;

    @Option(
            names = "--explain",
            description = "Show how each line of each file is read (its kind and what it became: title, date,"
                    + " category, context, heading, table, question, option, answer…) and the choices Almanac is"
                    + " unsure of; store nothing.")
    boolean explain;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "Output of --dry-run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            description = "The publication date of articles whose text gives none (without it they are stored as drafts"
                    + " that need a date).")
    java.time.LocalDate date;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files, directories or ZIP archives to import.")
    List<Path> paths;

    /** What the whole run did. */
    private static final class Tally {
        final Map<SaveResult.Outcome, Integer> articles = new EnumMap<>(SaveResult.Outcome.class);
        final Map<SaveResult.Outcome, Integer> banks = new EnumMap<>(SaveResult.Outcome.class);
        final List<Diagnostic> rejected = new ArrayList<>();
        int files;
        int undated;

        int rejectedFiles() {
            return (int) rejected.stream().map(Diagnostic::file).distinct().count();
        }

        int count(Map<SaveResult.Outcome, Integer> map, SaveResult.Outcome outcome) {
            return map.getOrDefault(outcome, 0);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (explain) {
            return explainAll(out, err);
        }
        Tally tally = new Tally();
        List<Object> dryRunOutput = new ArrayList<>();
        try (ImportSources sources = ImportSources.of(paths)) {
            sources.refused().forEach(d -> reject(tally, d, err));
            tally.files += sources.refused().size();
            // one file is parsed before the database starts (bad input alone never touches it);
            // for many, the database starts first so that the progress rate is the import's own
            ConfigurableApplicationContext[] started = {null};
            if (!dryRun && sources.sources().size() > 1) {
                started[0] = Application.start(root, false);
            }
            try (Progress progress = Progress.start(
                    dryRun ? "Reading" : "Importing", sources.sources().size(), err, System.console() != null)) {
                sources.parseAll(result -> {
                    tally.files++;
                    if (!result.ok()) {
                        result.errors().forEach(d -> reject(tally, d, err));
                    } else if (dryRun) {
                        result.articles()
                                .forEach(a -> tally.articles.merge(SaveResult.Outcome.CREATED, 1, Integer::sum));
                        result.banks().forEach(b -> tally.banks.merge(SaveResult.Outcome.CREATED, 1, Integer::sum));
                        dryRunOutput.addAll(result.articles());
                        dryRunOutput.addAll(result.banks());
                        if (format == Format.text) {
                            describe(result, out);
                        }
                    } else {
                        if (started[0] == null) {
                            started[0] = Application.start(root, false);
                        }
                        store(started[0].getBean(ImportService.class), result, tally, out, err);
                    }
                    progress.step();
                });
            } finally {
                if (started[0] != null) {
                    started[0].close();
                }
            }
        }
        if (dryRun && format == Format.json) {
            out.println(ArticleFiles.json(dryRunOutput.size() == 1 ? dryRunOutput.get(0) : dryRunOutput));
        } else {
            summarise(tally, out);
        }
        out.flush();
        err.flush();
        return tally.rejected.isEmpty() ? 0 : AlmanacCommand.EXIT_REFUSED;
    }

    /** {@code --explain}: every file's lines as read, then what was made of them; nothing is stored. */
    private int explainAll(PrintWriter out, PrintWriter err) {
        boolean refused = false;
        try (ImportSources sources = ImportSources.of(paths)) {
            for (Diagnostic d : sources.refused()) {
                err.println("rejected " + d);
                refused = true;
            }
            for (ImportSources.Source source : sources.sources()) {
                ParseExplanation explained = source.explain();
                new Explanation(explained).print(source.name(), out);
                refused |= !explained.result().ok();
                explained.result().errors().forEach(d -> err.println("rejected " + d));
            }
        }
        out.flush();
        err.flush();
        return refused ? AlmanacCommand.EXIT_REFUSED : 0;
    }

    private static void reject(Tally tally, Diagnostic d, PrintWriter err) {
        tally.rejected.add(d);
        err.println("rejected " + d);
    }

    private void store(ImportService importer, ParseResult result, Tally tally, PrintWriter out, PrintWriter err) {
        if (date != null) {
            result = new ParseResult(
                    result.file(),
                    result.articles().stream()
                            .map(a -> a.date() == null ? a.withDate(date) : a)
                            .toList(),
                    result.banks(),
                    result.errors());
        }
        ImportService.FileImport stored = importer.store(result);
        stored.errors().forEach(d -> reject(tally, d, err));
        for (SaveResult saved : stored.saved()) {
            tally.articles.merge(saved.outcome(), 1, Integer::sum);
            if (saved.article().needsDate()) {
                // never today's date: the page is kept as a draft until an editor says which day it is of
                tally.undated++;
                out.printf(
                        "%-9s %s -> draft %s: '%s' gives no publication date; set it on the desk or import"
                                + " again with --date YYYY-MM-DD%n",
                        saved.outcome().name().toLowerCase(Locale.ROOT),
                        result.file(),
                        saved.article().path(),
                        saved.article().content().title());
            } else if (saved.outcome() != SaveResult.Outcome.UNCHANGED || paths.size() == 1) {
                out.printf(
                        "%-9s %s -> %s (revision %d)%n",
                        saved.outcome().name().toLowerCase(Locale.ROOT),
                        result.file(),
                        saved.article().path(),
                        saved.article().revision());
            }
        }
        for (QuestionBankService.BankSaveResult bank : stored.banks()) {
            tally.banks.merge(bank.outcome(), 1, Integer::sum);
            out.printf(
                    "%-9s %s -> question bank '%s', %d questions (revision %d)%n",
                    bank.outcome().name().toLowerCase(Locale.ROOT),
                    result.file(),
                    bank.bank().content().title(),
                    bank.bank().content().questions().size(),
                    bank.bank().revision());
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    private static void describe(ParseResult r, PrintWriter out) {
        r.articles()
                .forEach(a -> out.printf(
                        "%s: %s | %s | %d sections, %d questions%n",
                        r.file(),
                        a.date(),
                        a.title(),
                        a.sections().size(),
                        a.questions().size()));
        r.banks()
                .forEach(b -> out.printf(
                        "%s: question bank '%s' | %d questions%n",
                        r.file(), b.title(), b.questions().size()));
    }

    private void summarise(Tally t, PrintWriter out) {
        if (dryRun) {
            out.printf(
                    "%s read: %s, %s, %s rejected (dry run: nothing stored)%n",
                    plural(t.files, "file"),
                    plural(t.count(t.articles, SaveResult.Outcome.CREATED), "article"),
                    plural(t.count(t.banks, SaveResult.Outcome.CREATED), "question bank"),
                    plural(t.rejectedFiles(), "file"));
            return;
        }
        out.printf(
                "%s read: %s imported, %d updated, %d unchanged",
                plural(t.files, "file"),
                plural(t.count(t.articles, SaveResult.Outcome.CREATED), "article"),
                t.count(t.articles, SaveResult.Outcome.UPDATED),
                t.count(t.articles, SaveResult.Outcome.UNCHANGED));
        if (!t.banks.isEmpty()) {
            out.printf(
                    "; %s imported, %d updated, %d unchanged",
                    plural(t.count(t.banks, SaveResult.Outcome.CREATED), "question bank"),
                    t.count(t.banks, SaveResult.Outcome.UPDATED),
                    t.count(t.banks, SaveResult.Outcome.UNCHANGED));
        }
        if (t.undated > 0) {
            out.printf(
                    "; %s a date (stored as drafts)",
                    t.undated == 1 ? "1 article needs" : t.undated + " articles need");
        }
        out.printf("; %s rejected", plural(t.rejectedFiles(), "file"));
        out.println();
        if (!t.rejected.isEmpty()) {
            out.println("Rejected:");
            t.rejected.forEach(d -> out.println("  " + d));
        }
    }
}
