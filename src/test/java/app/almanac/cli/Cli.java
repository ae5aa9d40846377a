package app.almanac.cli;

import app.almanac.AlmanacApplication;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code almanac …} in-process, on its own embedded database in {@code dataDir}, as the CLI tests do. */
record Cli(Path dataDir) {

    /** What a run printed and how it ended. */
    record Run(int exitCode, String out, String err) {}

    Run run(String... args) {
        return run(Map.of(), args);
    }

    /** A run with these environment variables (and no others). */
    Run run(Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = AlmanacCommand.commandLine(
                AlmanacApplication.class,
                Map.of("almanac.data-dir", dataDir.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        ((AlmanacCommand) cli.getCommandSpec().userObject()).environment = environment::get;
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
