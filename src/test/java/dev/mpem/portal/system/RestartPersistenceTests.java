package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mpem.portal.PortalApplication;
import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;

/** What a workshop saves is still there after the portal is stopped and started again (H2 file database). */
class RestartPersistenceTests {

    @TempDir
    Path data;

    @Test
    void anAssessmentSurvivesARestart() {
        long assessmentId;
        try (ConfigurableApplicationContext portal = start()) {
            long organisationId = portal.getBean(OrganisationService.class)
                    .create(new OrganisationForm("Restart Ltd", "Retail", null, null)).id();
            AssessmentService assessments = portal.getBean(AssessmentService.class);
            assessmentId = assessments.create(organisationId,
                    new AssessmentForm("Before restart", "2026-05-14", null, null, List.of("SELL_MORE"))).id();
            assessments.saveRating(assessmentId, "EXTENT", RatingCommand.of(2, 4, "typed in the workshop", null, "pat"));
        }
        assertThat(Files.exists(data.resolve("portal.mv.db"))).isTrue();

        try (ConfigurableApplicationContext portal = start()) {
            var assessment = portal.getBean(AssessmentService.class).get(assessmentId);
            assertThat(assessment.title()).isEqualTo("Before restart");
            assertThat(assessment.focusOutcomes()).containsExactly("SELL_MORE");
            assertThat(assessment.rating("EXTENT").notes()).isEqualTo("typed in the workshop");
            assertThat(assessment.rating("EXTENT").target()).isEqualTo(4);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PortalApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("portal").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
