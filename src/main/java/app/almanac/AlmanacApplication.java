package app.almanac;

import app.almanac.cli.AlmanacCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Almanac: daily current-affairs analysis and exam practice. The process starts in the command
 * line ({@link AlmanacCommand}); each command decides whether it needs Spring, the database or the
 * web server, so a dry run parses files without touching either.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlmanacApplication {

    public static void main(String[] args) {
        System.exit(AlmanacCommand.run(AlmanacApplication.class, args));
    }
}
