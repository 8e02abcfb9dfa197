package dev.mpem.portal.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The model module started on its own, with nothing of the modules above it: the reference data
 * depends on no feature.
 */
@ApplicationModuleTest
class ModelModuleTests {

    @Autowired
    ModelService models;

    @Autowired
    ApplicationContext context;

    @Test
    void theModelStandsAloneAndReadsThePaper() {
        Mpem mpem = models.model();

        assertThat(mpem.levels()).extracting(Level::name)
                .containsExactly("Basic", "Foundational", "Intermediate", "Mature", "Leader");
        assertThat(mpem.categories()).hasSize(3);
        assertThat(mpem.dimensions()).hasSize(11);
        assertThat(mpem.outcomes()).hasSize(7);
        assertThat(context.getBeanNamesForType(dev.mpem.portal.assessment.AssessmentService.class)).isEmpty();
    }
}
