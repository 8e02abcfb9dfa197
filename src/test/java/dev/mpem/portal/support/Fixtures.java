package dev.mpem.portal.support;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserForm;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;

/**
 * Builds the records a test needs through the services, with unique names so that tests sharing a
 * database never depend on each other or on their order.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final OrganisationService organisations;
    private final AssessmentService assessments;
    private final AccountService accounts;

    @org.springframework.beans.factory.annotation.Autowired
    private dev.mpem.portal.organisation.OrganisationConsultants consultants;

    public Fixtures(OrganisationService organisations, AssessmentService assessments, AccountService accounts) {
        this.organisations = organisations;
        this.assessments = assessments;
        this.accounts = accounts;
    }

    /** A new account with a unique username and the password {@link #PASSWORD}. */
    public UserView user(Role role, Long... organisationIds) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new UserForm(username, "Test " + role.name().toLowerCase(), PASSWORD, role.name(),
                List.of(organisationIds), true));
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public OrganisationView organisation() {
        return organisations.create(new OrganisationForm(unique("Org"), "Retail", null, null));
    }

    public AssessmentView assessment(String... focusOutcomes) {
        return assessment(organisation().id(), "2026-05-14", focusOutcomes);
    }

    /** Rates dimensions as "CODE", current, target, "CODE", current, target, ... (first ratings). */
    public AssessmentView rate(long assessmentId, Object... codeCurrentTarget) {
        for (int i = 0; i < codeCurrentTarget.length; i += 3) {
            assessments.saveRating(assessmentId, (String) codeCurrentTarget[i],
                    RatingCommand.of((Integer) codeCurrentTarget[i + 1], (Integer) codeCurrentTarget[i + 2], null,
                            null, "test"));
        }
        return assessments.get(assessmentId);
    }

    /** Rates every dimension of the model with the same levels. */
    public AssessmentView rateAll(long assessmentId, int current, int target) {
        for (String code : DIMENSIONS) {
            assessments.saveRating(assessmentId, code, RatingCommand.of(current, target, null, null, "test"));
        }
        return assessments.get(assessmentId);
    }

    public AssessmentView complete(long assessmentId) {
        return assessments.complete(assessmentId, "test");
    }

    public static final List<String> DIMENSIONS = List.of("EXTENT", "CHANNEL_REACH", "ACCURACY_AND_LEARNABILITY",
            "SCOPE", "STRATEGY", "TECHNOLOGY", "MEASUREMENT", "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS",
            "EXPERTISE", "CULTURE");

    public AssessmentView assessment(long organisationId, String assessedOn, String... focusOutcomes) {
        return assessments.create(organisationId,
                new AssessmentForm(unique("Assessment"), assessedOn, "Pat Consultant", "CMO, CTO",
                        List.of(focusOutcomes)));
    }

    /** The accounts that look after an organisation (ids, ascending). */
    public List<Long> consultantsOf(long organisationId) {
        return consultants.of(organisationId).stream().filter(c -> c.assigned()).map(c -> c.id()).sorted().toList();
    }
}
