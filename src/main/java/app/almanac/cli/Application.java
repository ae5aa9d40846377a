package app.almanac.cli;

import app.almanac.AlmanacApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application the way a command needs it: with or without the web server. */
final class Application {

    private Application() {}

    static ConfigurableApplicationContext start(AlmanacCommand root, boolean web) {
        Map<String, Object> properties = new HashMap<>(root.springProperties());
        if (!web) {
            // a command that only uses the database should not hold the HTTP port
            properties.putIfAbsent("spring.main.web-application-type", "none");
        }
        return new SpringApplicationBuilder(AlmanacApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(properties)
                .logStartupInfo(false)
                .run();
    }
}
