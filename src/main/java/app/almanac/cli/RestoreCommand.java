package app.almanac.cli;

import app.almanac.article.ArticleService;
import app.almanac.search.SearchService;
import app.almanac.shared.SiteProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code almanac restore FILE}: puts a backup in place of the embedded database (the one replaced is
 * kept beside it), then rebuilds the search index from it. The site must be stopped.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Replace the embedded database with a backup made by 'almanac backup', then rebuild the search index.",
            "Stop the server first. The database replaced is kept as almanac.mv.db.before-restore."
        })
class RestoreCommand implements Callable<Integer> {

    private static final String DATABASE = "almanac.mv.db";

    @CommandLine.ParentCommand
    AlmanacCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A backup ZIP written by 'almanac backup'.")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("almanac restore: " + file + ": no such file");
            return AlmanacCommand.EXIT_REFUSED;
        }
        String url;
        Path dataDir;
        try (ConfigurableApplicationContext context = Application.start(root, false)) {
            url = context.getEnvironment().getProperty("spring.datasource.url", "");
            dataDir = Path.of(context.getBean(SiteProperties.class).dataDir()).toAbsolutePath();
        }
        if (!url.startsWith("jdbc:h2:file:")) {
            err.println("almanac restore: the database is not the embedded one; restore PostgreSQL with"
                    + " pg_restore --clean -d DATABASE FILE (see the README)");
            return AlmanacCommand.EXIT_REFUSED;
        }
        Path database = dataDir.resolve(DATABASE);
        if (Files.exists(dataDir.resolve("almanac.lock.db"))) {
            err.println("almanac restore: the database in " + dataDir + " is open (a running Almanac holds it);"
                    + " stop it first");
            return AlmanacCommand.EXIT_REFUSED;
        }
        Path incoming = dataDir.resolve(DATABASE + ".restoring");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.stream()
                    .filter(e -> !e.isDirectory() && e.getName().endsWith(".mv.db"))
                    .findFirst()
                    .orElse(null);
            if (entry == null) {
                err.println("almanac restore: " + file + " holds no database (expected a .mv.db file: a ZIP"
                        + " written by 'almanac backup')");
                return AlmanacCommand.EXIT_REFUSED;
            }
            Files.createDirectories(dataDir);
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.util.zip.ZipException e) {
            err.println("almanac restore: " + file + " is not a ZIP file: " + e.getMessage());
            return AlmanacCommand.EXIT_REFUSED;
        }
        if (Files.exists(database)) {
            Files.move(database, dataDir.resolve(DATABASE + ".before-restore"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(incoming, database, StandardCopyOption.ATOMIC_MOVE);
        deleteIndex(dataDir.resolve("index"));
        try (ConfigurableApplicationContext context = Application.start(
                root, false, "--almanac.search.enabled=true", "--almanac.change-log.follow-delay=1d")) {
            long articles = context.getBean(ArticleService.class).count();
            int indexed = context.getBean(SearchService.class).rebuild(n -> {});
            out.printf(
                    "Restored %s into %s: %d articles, %d indexed; the database replaced is %s%n",
                    file, dataDir, articles, indexed, DATABASE + ".before-restore");
        }
        return 0;
    }

    private static void deleteIndex(Path index) throws IOException {
        if (Files.isDirectory(index)) {
            try (Stream<Path> walk = Files.walk(index)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
