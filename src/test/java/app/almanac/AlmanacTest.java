package app.almanac;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An application test over real HTTP: the whole application on a random port, one in-memory
 * database and a {@link MutableClock}. Every class so annotated shares one Spring context (started
 * once for the suite) and starts on an empty database ({@link FreshDatabase}), so classes never see
 * each other's rows. A class that needs other settings adds them and gets a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:almanac-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "almanac.base-url=http://almanac.test"
        })
@Import(TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FreshDatabase.class)
public @interface AlmanacTest {}
