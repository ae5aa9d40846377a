package app.almanac.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads article files from disk and parses them, without storing anything: what both
 * {@code import --dry-run} and the import service start from.
 */
public final class ArticleFiles {

    /** Files larger than this are not pasted articles; refusing them keeps memory bounded. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final TextArticleParser TEXT = new TextArticleParser();

    private ArticleFiles() {}

    /** Parses the file at {@code path}; every problem, including a missing file, is a diagnostic. */
    public static ParseResult read(Path path) {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) {
                return ParseResult.refused(new Diagnostic(name, 0, "is a directory; expected an article file"));
            }
            if (Files.size(path) > MAX_BYTES) {
                return ParseResult.refused(new Diagnostic(name, 0,
                        "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; expected one article as text"));
            }
            return parse(name, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return ParseResult.refused(new Diagnostic(name, 0, "no such file"));
        } catch (IOException e) {
            return ParseResult.refused(new Diagnostic(name, 0, "cannot be read: " + e.getMessage()));
        }
    }

    /** Parses bytes that came from {@code name}. */
    public static ParseResult parse(String name, byte[] bytes) {
        TextDecoder.Decoded decoded = TextDecoder.decode(name, bytes);
        if (decoded.error() != null) {
            return ParseResult.refused(decoded.error());
        }
        return TEXT.parse(name, decoded.text());
    }
}
