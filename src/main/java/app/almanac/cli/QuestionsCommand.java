package app.almanac.cli;

import app.almanac.publish.QuestionExport;
import app.almanac.shared.NotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code almanac questions export}: practice questions out to Moodle XML, GIFT or an Anki text file. */
@Command(
        name = "questions",
        mixinStandardHelpOptions = true,
        description = "Practice questions in the open formats.",
        subcommands = {QuestionsCommand.Export.class})
class QuestionsCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: export");
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Export questions to Moodle XML (negative marking as answer fractions of -33.33333), Moodle GIFT,",
                "or an Anki text file (#separator:tab, #html:true, #deck:, #tags column:).",
                "By default every published question and every bank; --tag or --bank chooses."
            })
    static class Export implements Callable<Integer> {

        @CommandLine.ParentCommand
        QuestionsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", required = true, description = "moodle-xml, gift or anki.")
        String format;

        @Option(names = "--tag", paramLabel = "T", description = "Only the questions of analyses tagged T.")
        String tag;

        @Option(names = "--bank", paramLabel = "SLUG", description = "Only the questions of this bank.")
        String bank;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            QuestionExport.Format f;
            try {
                f = QuestionExport.Format.parse(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try (ConfigurableApplicationContext context = Application.start(parent.root, false)) {
                QuestionExport.Written written =
                        context.getBean(QuestionExport.class).write(f, tag, bank);
                if (written.count() == 0) {
                    err.println("almanac questions export: no questions match; nothing written");
                    return AlmanacCommand.EXIT_REFUSED;
                }
                // written whole or not at all: a temporary file beside it, then moved into place
                Path target = out.toAbsolutePath();
                Path dir = target.getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                Path partial = Files.createTempFile(dir, ".almanac-export-", ".part");
                Files.writeString(partial, written.body(), StandardCharsets.UTF_8);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.leftOut().forEach(reason -> err.println("left out " + reason));
                stdout.printf("%d questions exported to %s (%s)%n", written.count(), out, f.code);
                stdout.flush();
                return 0;
            } catch (NotFoundException e) {
                err.println("almanac questions export: " + e.getMessage());
                return AlmanacCommand.EXIT_REFUSED;
            } catch (IOException e) {
                err.println("almanac questions export: cannot write " + out + ": " + e.getMessage());
                return AlmanacCommand.EXIT_REFUSED;
            }
        }
    }
}
