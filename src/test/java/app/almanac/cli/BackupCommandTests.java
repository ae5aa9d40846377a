package app.almanac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.almanac.TestSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code almanac backup} and {@code almanac restore}: a round trip on the embedded database. */
class BackupCommandTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    private Cli.Run almanac(String... args) {
        return new Cli(dataDir).run(args);
    }

    @Test
    void aBackupRestoresTheDatabaseAsItWasAndTheIndexIsRebuilt() throws Exception {
        assertThat(almanac("import", TestSeeds.CSTO.toString()).exitCode()).isZero();
        Path zip = files.resolve("backups/almanac.zip");
        Cli.Run backup = almanac("backup", zip.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(e -> e.getName())).anyMatch(n -> n.endsWith(".mv.db"));
        }
        assertThat(Files.exists(zip.resolveSibling("almanac.zip.part"))).isFalse();

        // something written after the backup is gone once it is restored
        Path later = files.resolve("later.md");
        Files.writeString(later, """
                ---
                title: A later analysis of the Ramsar list
                date: 2024-03-01
                ---

                ## Details

                - India's Ramsar sites grew again this year.
                """);
        assertThat(almanac("import", later.toString()).exitCode()).isZero();
        assertThat(almanac("export", "a-later-analysis-of-the-ramsar-list").exitCode())
                .isZero();

        Cli.Run restore = almanac("restore", zip.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("1 articles, 1 indexed");
        assertThat(Files.exists(dataDir.resolve("almanac.mv.db.before-restore")))
                .isTrue();
        assertThat(almanac("export", "a-later-analysis-of-the-ramsar-list").exitCode())
                .isEqualTo(1);
        assertThat(almanac("export", "collective-security-treaty-organisation-csto")
                        .exitCode())
                .isZero();
    }

    @Test
    void aFileThatIsNoBackupIsRefusedAndTheDatabaseIsLeftAlone() throws Exception {
        assertThat(almanac("import", TestSeeds.CSTO.toString()).exitCode()).isZero();
        Path notZip = Files.writeString(files.resolve("notes.zip"), "not a zip");
        Cli.Run refused = almanac("restore", notZip.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("not a ZIP");
        assertThat(almanac("restore", files.resolve("missing.zip").toString()).exitCode())
                .isEqualTo(1);
        assertThat(almanac("export", "collective-security-treaty-organisation-csto")
                        .exitCode())
                .isZero();
        assertThat(Files.exists(dataDir.resolve("almanac.mv.db.before-restore")))
                .isFalse();
    }
}
