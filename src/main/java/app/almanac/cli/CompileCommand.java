package app.almanac.cli;

import app.almanac.publish.Compilation;
import app.almanac.publish.CompilationService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code almanac compile --month 2024-02}: the month's analyses and questions as one PDF. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = "Write a month's analyses, fact tables and practice questions (with an answer key) as a PDF.")
class CompileCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month, e.g. 2024-02.")
    YearMonth month;

    @Option(names = "--syllabus", paramLabel = "PAPER", description = "Only analyses for this paper, e.g. GS-II.")
    String syllabus;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the PDF (default: almanac-YYYY-MM.pdf).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target =
                out != null ? out : Path.of("almanac-" + month + (syllabus == null ? "" : "-" + syllabus) + ".pdf");
        try (ConfigurableApplicationContext context = Application.start(root, false)) {
            CompilationService compilations = context.getBean(CompilationService.class);
            Compilation compilation = compilations.compilation(month, syllabus);
            if (compilation.stories().isEmpty()) {
                err.println("almanac compile: no analyses were published in " + month
                        + (syllabus == null ? "" : " for " + syllabus));
                return AlmanacCommand.EXIT_REFUSED;
            }
            byte[] pdf = compilations.pdf(compilation);
            Files.write(target, pdf);
            stdout.printf(
                    "Wrote %s: %d analyses, %d practice questions, %d KB%s%n",
                    target,
                    compilation.stories().size(),
                    compilation.questions().size(),
                    pdf.length / 1024,
                    compilation.leftOut().isEmpty()
                            ? ""
                            : "; " + compilation.leftOut().size()
                                    + " more analyses did not fit and are listed at the end");
            return 0;
        } catch (IOException e) {
            err.println("almanac compile: cannot write " + target + ": " + e.getMessage());
            return AlmanacCommand.EXIT_REFUSED;
        }
    }
}
