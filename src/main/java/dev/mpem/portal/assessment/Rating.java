package dev.mpem.portal.assessment;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mpem.portal.shared.Level;

/**
 * The room's rating of one dimension in one assessment. Its version starts at 1 and grows with
 * every change; a save must name the version it was made from (see {@link AssessmentService}).
 */
@Entity
@Table(name = "ratings")
class Rating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "dimension_code")
    private String dimensionCode;

    @Column(name = "current_level")
    private Integer current;

    @Column(name = "target_level")
    private Integer target;

    private String notes;

    @Version
    private long version = 1;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Enumerated(EnumType.STRING)
    private Confidence confidence;

    private String agreement;

    protected Rating() {
    }

    Rating(long assessmentId, String dimensionCode) {
        this.assessmentId = assessmentId;
        this.dimensionCode = dimensionCode;
    }

    /** Whether saving these values would change anything. */
    boolean differsFrom(Integer current, Integer target, String notes) {
        return !Objects.equals(this.current, current) || !Objects.equals(this.target, target)
                || !Objects.equals(this.notes, notes);
    }

    /**
     * Sets the rating. A target may stand alone (planned, not yet rated: a re-assessment starts with
     * the previous targets); a current level never stands without a target.
     */
    void change(Integer current, Integer target, String notes, String by, Instant now) {
        if (current != null && target == null) {
            throw new IllegalArgumentException("A current level needs a target");
        }
        if (target != null && (!Level.Validator.isLevel(target) || current != null && (!Level.Validator.isLevel(current)
                || target < current))) {
            throw new IllegalArgumentException("Levels out of order: " + current + " -> " + target);
        }
        if (!java.util.Objects.equals(this.current, current) || !java.util.Objects.equals(this.target, target)) {
            // A workshop's confidence speaks for the levels it agreed, not for levels changed afterwards.
            this.confidence = null;
            this.agreement = null;
        }
        this.current = current;
        this.target = target;
        this.notes = notes;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** Records the levels a workshop agreed on, why, and with what confidence. */
    void agree(int current, int target, Agreement agreement, String by, Instant now) {
        change(current, target, notes, by, now);
        this.confidence = agreement.confidence();
        this.agreement = agreement.reason();
    }

    boolean sameAgreement(Agreement agreement) {
        return agreement == null || java.util.Objects.equals(confidence, agreement.confidence())
                && java.util.Objects.equals(this.agreement, agreement.reason());
    }

    boolean rated() {
        return current != null && target != null;
    }

    RatingView view() {
        return new RatingView(dimensionCode, current, target, notes, version, updatedAt, updatedBy, confidence,
                agreement);
    }

    long assessmentId() {
        return assessmentId;
    }

    String dimensionCode() {
        return dimensionCode;
    }

    long version() {
        return version;
    }

    Integer current() {
        return current;
    }

    Integer target() {
        return target;
    }

    String notes() {
        return notes;
    }
}
