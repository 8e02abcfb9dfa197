package dev.mpem.portal.workshop;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One participant's silent vote on one dimension; replaced by a later vote until the reveal. */
@Entity
@Table(name = "workshop_votes")
class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "workshop_id")
    private long workshopId;

    @Column(name = "participant_id")
    private long participantId;

    @Column(name = "dimension_code")
    private String dimensionCode;

    @Column(name = "current_level")
    private int current;

    @Column(name = "target_level")
    private int target;

    private String reason;

    @Column(name = "voted_at")
    private Instant votedAt;

    protected Vote() {
    }

    Vote(long workshopId, long participantId, String dimensionCode) {
        this.workshopId = workshopId;
        this.participantId = participantId;
        this.dimensionCode = dimensionCode;
    }

    void cast(int current, int target, String reason, Instant now) {
        this.current = current;
        this.target = target;
        this.reason = reason;
        this.votedAt = now;
    }

    long workshopId() {
        return workshopId;
    }

    long participantId() {
        return participantId;
    }

    String dimensionCode() {
        return dimensionCode;
    }

    int current() {
        return current;
    }

    int target() {
        return target;
    }

    String reason() {
        return reason;
    }

    Instant votedAt() {
        return votedAt;
    }
}
