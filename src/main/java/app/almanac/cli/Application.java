package app.almanac.cli;

import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application the way a command needs it: with or without the web server. */
final class Application {

    private Application() {}

    static ConfigurableApplicationContext start(AlmanacCommand root, boolean web, String... arguments) {
        // Given as arguments so that they outrank application.properties, as environment variables do.
        String[] overrides = Stream.concat(Stream.of(arguments),
                        root.springProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(root.application())
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(overrides);
    }
}
