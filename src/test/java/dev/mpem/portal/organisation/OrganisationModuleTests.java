package dev.mpem.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import dev.mpem.portal.shared.InvalidInputException;

/**
 * The organisation module with only the modules it depends on (accounts, shared): it works
 * without assessments, history or the audit trail, and says what happened through its events.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@Import(OrganisationModuleTests.Infrastructure.class)
class OrganisationModuleTests {

    /** What the system and security modules provide when the whole portal runs. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Infrastructure {

        @Bean
        Clock clock() {
            return Clock.systemDefaultZone();
        }

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }

    @Autowired
    OrganisationService organisations;

    @Autowired
    ApplicationContext context;

    @Test
    void creatingAndChangingAnOrganisationPublishesWhatTheAuditTrailRecords(PublishedEvents events) {
        String name = "Module test " + UUID.randomUUID();
        OrganisationView created = organisations.create(new OrganisationForm(name, "Retail", null, null, 6));
        organisations.update(created.id(), new OrganisationForm(name, "Travel", null, null, 6), created.version());

        assertThat(events.ofType(OrganisationEvents.OrganisationCreated.class)
                .matching(event -> event.organisationId().equals(created.id()))).hasSize(1);
        assertThat(events.ofType(OrganisationEvents.OrganisationChanged.class)
                .matching(event -> event.organisationId().equals(created.id()))).singleElement()
                .satisfies(event -> assertThat(event.changes()).hasSize(1));
        assertThat(context.getBeanNamesForType(dev.mpem.portal.history.HistoryService.class)).isEmpty();
    }

    @Test
    void aTakenNameIsRefusedInWords() {
        String name = "Taken " + UUID.randomUUID();
        organisations.create(new OrganisationForm(name, null, null, null, 6));

        assertThatThrownBy(() -> organisations.create(new OrganisationForm(name, null, null, null, 6)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("An organisation named \u201c" + name + "\u201d already exists. Choose another name.");
    }
}
