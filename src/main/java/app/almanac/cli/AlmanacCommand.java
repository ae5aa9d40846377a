package app.almanac.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code almanac}: with no command it serves the site; see the subcommands for the rest.
 */
@Command(
        name = "almanac",
        mixinStandardHelpOptions = true,
        version = "Almanac 0.1",
        description = "Daily current-affairs analysis and exam practice.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            ReindexCommand.class,
            DoctorCommand.class,
            CompileCommand.class,
            DemoDataCommand.class,
            UserCommand.class,
            FactsCommand.class,
            QuestionsCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            CommandLine.HelpCommand.class
        })
public class AlmanacCommand implements Callable<Integer> {

    /** Exit code when some input was refused. */
    static final int EXIT_REFUSED = 1;

    private final Class<?> application;
    /** Where variables such as ALMANAC_PASSWORD are read; tests give their own. */
    UnaryOperator<String> environment = System::getenv;

    private final Map<String, Object> springProperties;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AlmanacCommand(Class<?> application, Map<String, Object> springProperties) {
        this.application = application;
        this.springProperties = Map.copyOf(springProperties);
    }

    /** The Spring Boot application class; passed in so that this room does not depend on the root. */
    Class<?> application() {
        return application;
    }

    /** Spring properties that tests (and only tests) set, e.g. the data directory. */
    Map<String, Object> springProperties() {
        return springProperties;
    }

    @Override
    public Integer call() {
        return new ServeCommand().serve(this, spec.commandLine().getOut());
    }

    /** Runs the command line for the Spring Boot {@code application} and returns the exit code. */
    public static int run(Class<?> application, String... args) {
        return commandLine(application, Map.of(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    static CommandLine commandLine(
            Class<?> application, Map<String, Object> springProperties, PrintWriter out, PrintWriter err) {
        var root = new AlmanacCommand(application, springProperties);
        var cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A failure we did not foresee still gets one clear line, not a stack trace.
            commandLine.getErr().println("almanac: " + rootMessage(e));
            return 3;
        });
        return cli;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
