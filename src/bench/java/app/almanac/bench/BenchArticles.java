package app.almanac.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Distinct seed-sized articles for benchmarks: the text fixtures with a new title and date each. */
final class BenchArticles {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private BenchArticles() {}

    /** Single-article text fixtures in the seed's layout (publisher, series, title, date line). */
    static List<String> templates() {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures/text"))) {
            return files.filter(p -> p.getFileName().toString().matches("a\\d\\d.*\\.txt"))
                    .sorted()
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Template {@code i % n} with its title numbered and its date moved, so every article is new. */
    static String variant(List<String> templates, int i) {
        String[] lines =
                templates.get(i % templates.size()).replace("\r\n", "\n").split("\n", -1);
        int title = -1;
        for (int l = 0; l < lines.length && title < 0; l++) {
            if (lines[l].matches("^\\d{1,2}(st|nd|rd|th)? \\w+,? \\d{4}.*")) {
                title = l - 1;
                while (title > 0 && lines[title].isBlank()) {
                    title--;
                }
                String category = lines[l].replaceFirst("^\\d{1,2}(st|nd|rd|th)? \\w+,? \\d{4}", "");
                lines[l] = WRITTEN.format(LocalDate.of(2020, 1, 1).plusDays(i % 1500)) + category;
            }
        }
        lines[title] = lines[title] + " (part " + i + ")";
        return String.join("\n", lines);
    }
}
