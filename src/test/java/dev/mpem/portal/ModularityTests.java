package dev.mpem.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The portal's shape: every feature package is an application module, dependencies follow the
 * {@code allowedDependencies} of each {@code package-info.java}, and there is no cycle. The build
 * also writes the modules' documentation (target/spring-modulith-docs, linked from README.md).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheyDeclareAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void everyFeaturePackageIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("shared", "model", "account", "organisation", "assessment", "report",
                        "history", "workshop", "share", "overview", "audit", "transfer", "security", "system", "action",
                        "portfolio", "reminder");
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
