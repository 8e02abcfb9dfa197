package dev.mpem.portal.workshop;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A live session in which participants vote on the dimensions of one draft assessment. The
 * facilitator moves the room from dimension to dimension and reveals each one's votes; votes on a
 * revealed dimension are final.
 */
@Entity
@Table(name = "workshops")
class Workshop {

    enum Status {
        OPEN, CLOSED
    }

    /** LIVE: a room votes as the facilitator moves on. SURVEY: invitees rate in their own time until it closes. */
    enum Kind {
        LIVE, SURVEY
    }

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind = Kind.LIVE;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "join_code")
    private String joinCode;

    private boolean anonymous;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "current_dimension")
    private String currentDimension;

    @Column(name = "opened_by")
    private String openedBy;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "workshop_reveals", joinColumns = @JoinColumn(name = "workshop_id"))
    @MapKeyColumn(name = "dimension_code")
    private Map<String, Reveal> reveals = new HashMap<>();

    /** When a dimension's votes were revealed, and the version its rating had then. */
    @Embeddable
    record Reveal(@Column(name = "revealed_at") Instant revealedAt, @Column(name = "rating_version") Long ratingVersion) {
    }

    protected Workshop() {
    }

    Workshop(long assessmentId, String joinCode, boolean anonymous, String firstDimension, String openedBy, Instant now) {
        this.assessmentId = assessmentId;
        this.joinCode = joinCode;
        this.anonymous = anonymous;
        this.status = Status.OPEN;
        this.currentDimension = firstDimension;
        this.openedBy = openedBy;
        this.openedAt = now;
    }

    /** A survey of the assessment: invitees rate until {@code closesAt}. */
    static Workshop survey(long assessmentId, String joinCode, boolean anonymous, String firstDimension, String openedBy,
            Instant now, Instant closesAt) {
        Workshop survey = new Workshop(assessmentId, joinCode, anonymous, firstDimension, openedBy, now);
        survey.kind = Kind.SURVEY;
        survey.closesAt = closesAt;
        return survey;
    }

    /** Whether votes are taken now: open, and for a survey not past its closing time. */
    boolean takesVotes(Instant now) {
        return open() && (closesAt == null || now.isBefore(closesAt));
    }

    Kind kind() {
        return kind;
    }

    Instant closesAt() {
        return closesAt;
    }

    void moveTo(String dimensionCode) {
        ensureOpen();
        this.currentDimension = dimensionCode;
    }

    /** Reveals a dimension's votes once; later reveals change nothing. */
    void reveal(String dimensionCode, Long ratingVersion, Instant now) {
        ensureOpen();
        reveals.putIfAbsent(dimensionCode, new Reveal(now, ratingVersion));
    }

    void close(String by, Instant now) {
        if (status == Status.OPEN) {
            status = Status.CLOSED;
            closedBy = by;
            closedAt = now;
        }
    }

    void ensureOpen() {
        if (status != Status.OPEN) {
            throw new WorkshopClosedException(id);
        }
    }

    boolean open() {
        return status == Status.OPEN;
    }

    boolean revealed(String dimensionCode) {
        return reveals.containsKey(dimensionCode);
    }

    Reveal revealOf(String dimensionCode) {
        return reveals.get(dimensionCode);
    }

    Long id() {
        return id;
    }

    long assessmentId() {
        return assessmentId;
    }

    String joinCode() {
        return joinCode;
    }

    boolean anonymous() {
        return anonymous;
    }

    Status status() {
        return status;
    }

    String currentDimension() {
        return currentDimension;
    }

    Instant openedAt() {
        return openedAt;
    }

    String openedBy() {
        return openedBy;
    }

    Map<String, Reveal> reveals() {
        return reveals;
    }
}
