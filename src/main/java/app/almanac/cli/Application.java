package app.almanac.cli;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application the way a command needs it: with or without the web server. */
final class Application {

    private Application() {}

    /**
     * Starts the application. Only the serving process (and {@code reindex}) opens the search
     * index: Lucene allows one writer, and imports reach the index through the change log anyway.
     */
    static ConfigurableApplicationContext start(AlmanacCommand root, boolean web, String... arguments) {
        if (!web && Arrays.stream(arguments).noneMatch(a -> a.startsWith("--almanac.search.enabled"))) {
            arguments = Stream.concat(Stream.of(arguments), Stream.of("--almanac.search.enabled=false"))
                    .toArray(String[]::new);
        }
        if (!web) {
            // a command reports its own failure in one line; Spring's report is a stack trace
            arguments = Stream.concat(
                            Stream.of(arguments),
                            Stream.of(
                                    "--logging.level.org.springframework.boot.SpringApplication=OFF",
                                    "--logging.level.org.springframework.context=ERROR"))
                    .toArray(String[]::new);
        }
        // Given as arguments so that they outrank application.properties, as environment variables do.
        String[] overrides = Stream.concat(
                        Stream.of(arguments),
                        root.springProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(root.application())
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(overrides);
    }
}
