package app.almanac.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code almanac backup FILE}: a consistent snapshot of the embedded database, taken while the site
 * serves (H2's online {@code BACKUP}, through the serving process when one has the database open).
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Write a consistent snapshot of the embedded database to FILE (a ZIP), while the site serves.",
            "On PostgreSQL, use pg_dump -Fc instead (see the README)."
        })
class BackupCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The ZIP file to write (replaced if it exists).")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = file.toAbsolutePath();
        try (ConfigurableApplicationContext context = Application.start(root, false);
                Connection connection = context.getBean(DataSource.class).getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equals(product)) {
                err.println("almanac backup: the database is " + product + "; back it up with pg_dump -Fc -f FILE"
                        + " DATABASE and restore it with pg_restore --clean -d DATABASE FILE");
                return AlmanacCommand.EXIT_REFUSED;
            }
            Files.createDirectories(target.getParent());
            // written beside the target and moved into place: a backup is whole or not there
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.deleteIfExists(partial);
            try (Statement backup = connection.createStatement()) {
                backup.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf("Backed up the database to %s (%,d bytes)%n", file, Files.size(target));
            return 0;
        }
    }
}
