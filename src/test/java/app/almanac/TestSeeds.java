package app.almanac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed analysis lives beside the repository in {@code ../shared/seeds} and is never copied
 * into it; tests read it from there.
 */
public final class TestSeeds {

    public static final Path CSTO = Path.of("..", "shared", "seeds", "000_2ec8f075a0e5bc30.txt");

    private TestSeeds() {}

    public static String text(Path seed) {
        try {
            return Files.readString(seed);
        } catch (IOException e) {
            throw new UncheckedIOException("the seed must be at " + seed.toAbsolutePath(), e);
        }
    }

    /** The seed's non-blank lines, trimmed, with bullets removed: what any paragraph must be one of. */
    public static List<String> lines(Path seed) {
        return text(seed)
                .lines()
                .map(String::strip)
                .map(l -> l.replaceFirst("^•\\s*", ""))
                .filter(l -> !l.isEmpty())
                .toList();
    }
}
