package app.almanac.cli;

import app.almanac.facts.FactFile;
import app.almanac.facts.FactsDataSet;
import app.almanac.facts.FactsJson;
import app.almanac.facts.FactsService;
import app.almanac.facts.StoredFact;
import app.almanac.shared.NotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code almanac facts}: load the data set or a file of facts, and ask who was a member of what, when. */
@Command(
        name = "facts",
        mixinStandardHelpOptions = true,
        description = "Time-aware facts: load them, list members as of a date, show a timeline, generate questions.",
        subcommands = {
            FactsCommand.Load.class,
            FactsCommand.Members.class,
            FactsCommand.Timeline.class,
            FactsCommand.Export.class,
            FactsCommand.Generate.class
        })
class FactsCommand {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * Runs one question against the facts (the database started for it, and stopped after); an entity
     * Almanac does not know is a refusal with the command's name, not a stack trace.
     */
    int ask(
            String command,
            CommandLine.Model.CommandSpec spec,
            java.util.function.ToIntFunction<FactsService> question) {
        try (ConfigurableApplicationContext context = Application.start(root, false)) {
            return question.applyAsInt(context.getBean(FactsService.class));
        } catch (NotFoundException e) {
            spec.commandLine().getErr().println("almanac facts " + command + ": " + e.getMessage());
            return AlmanacCommand.EXIT_REFUSED;
        }
    }

    @Command(
            name = "load",
            mixinStandardHelpOptions = true,
            description = "Load the shipped data set, or FILE (JSON, the same format); loading again changes nothing.")
    static class Load implements Callable<Integer> {
        @CommandLine.ParentCommand
        FactsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ConfigurableApplicationContext context =
                    Application.start(parent.root, false, "--almanac.facts.load-on-start=false")) {
                FactsService facts = context.getBean(FactsService.class);
                FactsService.Loaded loaded;
                if (file == null) {
                    FactsDataSet.Result result =
                            context.getBean(FactsDataSet.class).load("cli");
                    if (!result.problems().isEmpty()) {
                        result.problems().forEach(p -> err.println("rejected " + p));
                        return AlmanacCommand.EXIT_REFUSED;
                    }
                    loaded = result.loaded();
                } else {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (IOException e) {
                        err.println("almanac facts load: cannot read " + file + ": " + e.getMessage());
                        return AlmanacCommand.EXIT_REFUSED;
                    }
                    FactFile.Parsed parsed = FactFile.read(file.toString(), bytes, facts.knownSlugs());
                    if (!parsed.ok()) {
                        parsed.problems().forEach(p -> err.println("rejected " + p));
                        err.println("Nothing was stored.");
                        return AlmanacCommand.EXIT_REFUSED;
                    }
                    loaded = facts.load(file.getFileName().toString(), List.of(parsed), bytes, "cli");
                }
                out.println(
                        loaded.skipped()
                                ? "Already loaded: nothing changed."
                                : String.format(
                                        "%d entities; facts: %d created, %d updated, %d unchanged",
                                        loaded.entities(), loaded.created(), loaded.updated(), loaded.unchanged()));
                return 0;
            }
        }
    }

    @Command(
            name = "members",
            mixinStandardHelpOptions = true,
            description = "The members of ENTITY (a slug or an abbreviation) as of a date, with their sources.")
    static class Members implements Callable<Integer> {
        @CommandLine.ParentCommand
        FactsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ENTITY")
        String entity;

        @Option(names = "--as-of", description = "the date (default: today), such as 2024-02-26")
        String asOf;

        @Option(names = "--format", defaultValue = "text", description = "text or json (the API's JSON)")
        String format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LocalDate day;
            try {
                day = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                err.println("almanac facts members: --as-of must be a date such as 2024-02-26, not '" + asOf + "'");
                return AlmanacCommand.EXIT_REFUSED;
            }
            LocalDate asked = day;
            return parent.ask("members", spec, facts -> {
                FactsService.Members members = facts.members(entity, asked);
                if (format.equals("json")) {
                    out.println(JSON.writeValueAsString(FactsJson.members(members)));
                    return 0;
                }
                out.printf(
                        "Members of %s as of %s%s:%n",
                        members.entity().name(), day, members.complete() ? " (the list is complete)" : "");
                for (FactsService.Standing s : members.members()) {
                    out.printf(
                            "  %-28s %-34s since %-10s  %s%n",
                            s.entity().name(),
                            "unconfirmed".equals(s.status()) ? s.recorded().code() + " (unconfirmed)" : s.status(),
                            s.since() == null ? "?" : s.since(),
                            s.sources().isEmpty() ? "" : s.sources().get(0).url());
                }
                if (!members.others().isEmpty()) {
                    out.println("Not members, with another standing:");
                    for (FactsService.Standing s : members.others()) {
                        out.printf("  %-28s %-22s since %s%n", s.entity().name(), s.status(), s.since());
                    }
                }
                return 0;
            });
        }
    }

    @Command(
            name = "timeline",
            mixinStandardHelpOptions = true,
            description = "Every membership interval and event of ENTITY.")
    static class Timeline implements Callable<Integer> {
        @CommandLine.ParentCommand
        FactsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ENTITY")
        String entity;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.ask("timeline", spec, facts -> {
                FactsService.Timeline t = facts.timeline(entity);
                out.println(t.entity().name());
                for (StoredFact f : t.events()) {
                    out.printf(
                            "  %-10s %s %s%n",
                            f.from() == null ? "" : f.from().text(),
                            f.predicate(),
                            f.value() == null
                                    ? (f.object() == null ? "" : f.object().name())
                                    : f.value());
                }
                for (StoredFact f : t.memberships()) {
                    out.printf(
                            "  %-10s → %-10s %-28s %s%n",
                            f.from() == null ? "?" : f.from().text(),
                            f.to() == null ? "" : f.to().text(),
                            f.subject().name(),
                            f.status().code());
                }
                return 0;
            });
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Print every entity and fact as JSON, in the format 'facts load' reads.")
    static class Export implements Callable<Integer> {
        @CommandLine.ParentCommand
        FactsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                spec.commandLine()
                        .getOut()
                        .println(JSON.writeValueAsString(
                                context.getBean(FactsService.class).export()));
                return 0;
            }
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Generate questions from the facts, each proven to have exactly one correct option as of its"
                    + " reference date, and add them to the practice bank of their entity (not with --dry-run).")
    static class Generate implements Callable<Integer> {
        @CommandLine.ParentCommand
        FactsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--template",
                paramLabel = "NAME",
                split = ",",
                description = "not-a-member, founding-member, left, headquarters, year-founded, includes-all,"
                        + " statements, match-pairs (default: all; repeat or separate with commas)")
        List<String> templates;

        @Option(names = "--entity", paramLabel = "X", description = "the organisation or grouping (default: all)")
        String entity;

        @Option(names = "--as-of", paramLabel = "DATE", description = "the reference date (default: today)")
        String asOf;

        @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "how many (default: 10)")
        int count;

        @Option(names = "--format", defaultValue = "text", description = "text or json (the JSON of import --dry-run)")
        String format;

        @Option(names = "--dry-run", description = "Print the questions; store nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!format.equals("text") && !format.equals("json")) {
                err.println("almanac facts generate: --format must be text or json, not '" + format + "'");
                return AlmanacCommand.EXIT_REFUSED;
            }
            LocalDate day;
            try {
                day = asOf == null ? null : LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                err.println("almanac facts generate: --as-of must be a date such as 2024-02-26, not '" + asOf + "'");
                return AlmanacCommand.EXIT_REFUSED;
            }
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                app.almanac.facts.FactQuestions questions = context.getBean(app.almanac.facts.FactQuestions.class);
                app.almanac.facts.FactQuestions.Batch batch = questions.generate(entity, day, templates, count);
                app.almanac.facts.FactQuestions.Stored stored = dryRun ? null : questions.store(batch);
                if (format.equals("json")) {
                    out.println(app.almanac.ingest.ArticleFiles.json(questions.json(batch)));
                } else {
                    describe(questions.json(batch), out);
                }
                if (stored != null) {
                    (format.equals("json") ? err : out)
                            .printf(
                                    "%d questions generated and proven; %d new added to the practice bank%s%n",
                                    stored.generated(),
                                    stored.added(),
                                    stored.banks().isEmpty() ? "" : " (" + String.join(", ", stored.banks()) + ")");
                }
                return batch.size() == 0 ? AlmanacCommand.EXIT_REFUSED : 0;
            } catch (NotFoundException | app.almanac.shared.BadRequestException e) {
                err.println("almanac facts generate: " + e.getMessage());
                return AlmanacCommand.EXIT_REFUSED;
            }
        }

        @SuppressWarnings("unchecked")
        private static void describe(java.util.Map<String, Object> json, PrintWriter out) {
            out.println(json.get("title"));
            int n = 0;
            for (var q : (List<java.util.Map<String, Object>>) json.get("questions")) {
                out.printf("%nQ%d. %s%n", ++n, q.get("stem"));
                for (var st : (List<java.util.Map<String, Object>>) q.getOrDefault("statements", List.of())) {
                    out.printf("  %s. %s%n", st.get("label"), st.get("text"));
                }
                if (q.get("pairs") instanceof java.util.Map<?, ?> pairs) {
                    for (var row : (List<List<String>>) pairs.get("rows")) {
                        out.printf("  %s%n", String.join(" : ", row));
                    }
                }
                for (var o : (List<java.util.Map<String, Object>>) q.get("options")) {
                    out.printf("  (%s) %s%n", o.get("label"), o.get("text"));
                }
                var generated = (java.util.Map<String, Object>) q.get("generated");
                out.printf(
                        "  Answer: %s   [%s, as of %s]%n",
                        String.join(",", (List<String>) q.get("answer")),
                        generated.get("template"),
                        generated.get("asOf"));
                out.printf("  %s%n", q.get("explanation"));
            }
        }
    }
}
