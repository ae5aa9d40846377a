package app.almanac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the features in their rooms (DESIGN.md): no cycles, no reaching into another's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(AlmanacApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicApiAndAllowedDependencies() {
        modules.verify();
    }

    @Test
    void everyFeatureOfTheDesignIsAModule() {
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .containsExactlyInAnyOrder(
                        "app.almanac.shared",
                        "app.almanac.web",
                        "app.almanac.account",
                        "app.almanac.article",
                        "app.almanac.ingest",
                        "app.almanac.desk",
                        "app.almanac.search",
                        "app.almanac.publish",
                        "app.almanac.practice",
                        "app.almanac.facts",
                        "app.almanac.bookmark",
                        "app.almanac.admin",
                        "app.almanac.cli");
    }
}
