package app.almanac.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What the user named on the command line, expanded into the files to import: files as they are,
 * directories walked recursively, ZIP archives opened entry by entry (files whose names say they
 * are articles: .txt, .md, .markdown, .html, .htm, .json). Keeps archives open until closed.
 */
public final class ImportSources implements Closeable {

    private static final List<String> EXTENSIONS =
            List.of(".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json");

    /** One file to import: its name for messages, and how to read it when its turn comes. */
    public interface Source {
        String name();

        ParseResult parse();

        /** How the file is read, line by line (see {@link ArticleFiles#explain}). */
        ParseExplanation explain();
    }

    private final List<Source> sources = new ArrayList<>();
    private final List<Diagnostic> refused = new ArrayList<>();
    private final List<ZipFile> archives = new ArrayList<>();

    /** Expands {@code paths}; a path that does not exist or cannot be listed becomes a refusal. */
    public static ImportSources of(List<Path> paths) {
        ImportSources result = new ImportSources();
        for (Path path : paths) {
            result.add(path);
        }
        return result;
    }

    private void add(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> importable(p.getFileName().toString()))
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                        .filter(p -> !isProjectDocument(p.getFileName().toString()))
                        .sorted()
                        .forEach(this::addFile);
            } catch (IOException | UncheckedIOException e) {
                refused.add(new Diagnostic(path.toString(), 0, "cannot list the directory: " + e.getMessage()));
            }
        } else if (path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                && Files.isRegularFile(path)) {
            addArchive(path);
        } else {
            addFile(path);
        }
    }

    private void addFile(Path file) {
        sources.add(new Source() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public ParseResult parse() {
                return ArticleFiles.read(file);
            }

            @Override
            public ParseExplanation explain() {
                try {
                    if (Files.isRegularFile(file) && Files.size(file) <= ArticleFiles.MAX_BYTES) {
                        return ArticleFiles.explain(file.toString(), Files.readAllBytes(file), null);
                    }
                } catch (IOException e) {
                    // read below gives the reason
                }
                // missing, a directory, too big or unreadable: the refusal says which
                return new ParseExplanation("", List.of(), List.of(), ArticleFiles.read(file));
            }
        });
    }

    private void addArchive(Path path) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            refused.add(new Diagnostic(path.toString(), 0, "is not a readable ZIP archive: " + e.getMessage()));
            return;
        } catch (IOException e) {
            refused.add(new Diagnostic(path.toString(), 0, "cannot be read: " + e.getMessage()));
            return;
        }
        archives.add(zip);
        if (zip.size() > MAX_ENTRIES) {
            refused.add(new Diagnostic(
                    path.toString(), 0, "holds " + zip.size() + " entries; at most " + MAX_ENTRIES + " are taken"));
            return;
        }
        // counted as entries are read, not from the sizes the archive declares (a crafted one lies)
        AtomicLong budget = new AtomicLong(MAX_ARCHIVE_BYTES);
        List<ZipEntry> entries = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String last = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            if (!entry.isDirectory()
                    && importable(last)
                    && !last.startsWith(".")
                    && !entry.getName().startsWith("__MACOSX/")) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing(ZipEntry::getName));
        for (ZipEntry entry : entries) {
            String name = path + "!/" + entry.getName();
            sources.add(new Source() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public ParseExplanation explain() {
                    ParseResult read = parse();
                    if (!read.ok() && read.errors().get(0).line() == 0) {
                        return new ParseExplanation("", List.of(), List.of(), read);
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        return ArticleFiles.explain(name, in.readNBytes((int) ArticleFiles.MAX_BYTES), null);
                    } catch (IOException e) {
                        return new ParseExplanation("", List.of(), List.of(), read);
                    }
                }

                @Override
                public ParseResult parse() {
                    try (InputStream in = zip.getInputStream(entry)) {
                        // read one byte past the limit to know that an entry (or a zip bomb) is too big
                        byte[] bytes = in.readNBytes((int) ArticleFiles.MAX_BYTES + 1);
                        if (bytes.length > ArticleFiles.MAX_BYTES) {
                            return ParseResult.refused(new Diagnostic(
                                    name,
                                    0,
                                    "is larger than " + ArticleFiles.MAX_BYTES / (1024 * 1024)
                                            + " MiB unpacked; expected one article"));
                        }
                        if (budget.addAndGet(-bytes.length) < 0) {
                            return ParseResult.refused(new Diagnostic(
                                    name,
                                    0,
                                    "is past the first " + MAX_ARCHIVE_BYTES / (1024 * 1024 * 1024)
                                            + " GiB that one archive may unpack to; split the archive"));
                        }
                        return ArticleFiles.parse(name, bytes);
                    } catch (IOException e) {
                        return ParseResult.refused(
                                new Diagnostic(name, 0, "cannot be read from the archive: " + e.getMessage()));
                    }
                }
            });
        }
    }

    /** A folder's README or LICENSE is about the folder, not an article: skipped when walking. */
    private static boolean isProjectDocument(String name) {
        return name.matches("(?i)^(readme|licen[cs]e|changelog|contributing|notice)([-_.].*)?$");
    }

    private static boolean importable(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The most one archive may unpack to, in all (100,000 long analyses are about 4 GiB: split those). */
    static final long MAX_ARCHIVE_BYTES = 1024L * 1024 * 1024;

    /** The most entries one archive may hold. */
    static final int MAX_ENTRIES = 100_000;

    /** Files parsed at once: enough to keep the other cores busy, few enough to bound memory. */
    static final int CHUNK = 64;

    /**
     * Parses every source and hands the results to {@code each} in the sources' order, on the
     * calling thread (so storing stays sequential). The next chunk is parsed on other threads
     * while {@code each} stores the current one.
     */
    public void parseAll(Consumer<ParseResult> each) {
        CompletableFuture<List<ParseResult>> next = parseChunk(0);
        for (int from = 0; from < sources.size(); from += CHUNK) {
            List<ParseResult> current = next.join();
            next = parseChunk(from + CHUNK);
            current.forEach(each);
        }
    }

    private CompletableFuture<List<ParseResult>> parseChunk(int from) {
        if (from >= sources.size()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Source> chunk = sources.subList(from, Math.min(sources.size(), from + CHUNK));
        return CompletableFuture.supplyAsync(
                () -> chunk.parallelStream().map(Source::parse).toList());
    }

    /** The files to import, in a stable order. */
    public List<Source> sources() {
        return sources;
    }

    /** Paths that could not even be listed or opened. */
    public List<Diagnostic> refused() {
        return refused;
    }

    @Override
    public void close() {
        for (ZipFile zip : archives) {
            try {
                zip.close();
            } catch (IOException e) {
                // nothing was written through it; closing can only fail to free a handle
            }
        }
    }
}
