package dev.mpem.portal.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One assessment of one organisation. It is a draft while the room rates the dimensions, and
 * read-only once completed, until it is explicitly reopened.
 */
@Entity
@Table(name = "assessments")
class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id")
    private long organisationId;

    private String title;

    @Column(name = "assessed_on")
    private LocalDate assessedOn;

    private String assessor;

    private String participants;

    @Enumerated(EnumType.STRING)
    private AssessmentStatus status;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "previous_assessment_id")
    private Long previousAssessmentId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    /** The consultant's commentary for executives; written whatever the status (it is about the report, not the ratings). */
    private String commentary;

    @ElementCollection
    @CollectionTable(name = "assessment_focus_outcomes", joinColumns = @JoinColumn(name = "assessment_id"))
    @Column(name = "outcome_code")
    private Set<String> focusOutcomes = new LinkedHashSet<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "assessment_id", nullable = false)
    @OrderBy("reopenedAt")
    private List<Reopening> reopenings = new ArrayList<>();

    protected Assessment() {
    }

    Assessment(long organisationId, AssessmentDetails details, Instant now) {
        this(organisationId, null, details, now);
    }

    /** The next assessment after {@code previousAssessmentId} (a re-assessment), or a first one (null). */
    Assessment(long organisationId, Long previousAssessmentId, AssessmentDetails details, Instant now) {
        this.organisationId = organisationId;
        this.previousAssessmentId = previousAssessmentId;
        this.status = AssessmentStatus.DRAFT;
        this.createdAt = now;
        apply(details, now);
    }

    void updateDetails(AssessmentDetails details, Instant now) {
        ensureEditable();
        apply(details, now);
    }

    private void apply(AssessmentDetails details, Instant now) {
        this.title = details.title();
        this.assessedOn = details.assessedOn();
        this.assessor = details.assessor();
        this.participants = details.participants();
        this.focusOutcomes.clear();
        this.focusOutcomes.addAll(details.focusOutcomes());
        this.updatedAt = now;
    }

    /**
     * Completes the assessment; refused while any of the model's dimensions is unrated.
     *
     * @param dimensionCodes every dimension of the model, in the model's order
     * @param ratedCodes the dimensions rated (current and target) in this assessment
     */
    void complete(List<String> dimensionCodes, Collection<String> ratedCodes, String by, Instant now) {
        if (status == AssessmentStatus.COMPLETED) {
            return;
        }
        List<String> missing = dimensionCodes.stream().filter(code -> !ratedCodes.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new IncompleteAssessmentException(id, missing);
        }
        this.status = AssessmentStatus.COMPLETED;
        this.completedAt = now;
        this.completedBy = by;
        this.updatedAt = now;
    }

    void reopen(String by, String reason, Instant now) {
        if (status != AssessmentStatus.COMPLETED) {
            throw new AssessmentNotCompletedException(id, "reopened");
        }
        this.status = AssessmentStatus.DRAFT;
        this.completedAt = null;
        this.completedBy = null;
        this.updatedAt = now;
        this.reopenings.add(new Reopening(by, reason, now));
    }

    /** Ratings and details change only while the assessment is a draft. */
    void ensureEditable() {
        if (status == AssessmentStatus.COMPLETED) {
            throw new AssessmentCompletedException(id);
        }
    }

    void changeCommentary(String commentary, Instant now) {
        this.commentary = commentary;
        this.updatedAt = now;
    }

    String commentary() {
        return commentary;
    }

    Long id() {
        return id;
    }

    long organisationId() {
        return organisationId;
    }

    String title() {
        return title;
    }

    LocalDate assessedOn() {
        return assessedOn;
    }

    String assessor() {
        return assessor;
    }

    String participants() {
        return participants;
    }

    AssessmentStatus status() {
        return status;
    }

    Instant completedAt() {
        return completedAt;
    }

    String completedBy() {
        return completedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Set<String> focusOutcomes() {
        return focusOutcomes;
    }

    List<Reopening> reopenings() {
        return reopenings;
    }

    Long previousAssessmentId() {
        return previousAssessmentId;
    }
}
