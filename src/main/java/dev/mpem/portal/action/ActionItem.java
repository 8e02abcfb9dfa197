package dev.mpem.portal.action;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;

/**
 * One item of an assessment's action plan. Its version starts at 1 and grows with every change; a
 * save must name the version it was made from. Once carried into a re-assessment it is read-only:
 * its continuation is edited instead.
 */
@Entity
@Table(name = "action_items")
class ActionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "dimension_code")
    private String dimensionCode;

    private String title;

    private String description;

    private String owner;

    @Column(name = "owner_account")
    private String ownerAccount;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    private ActionStatus status;

    @Column(name = "target_level")
    private Integer targetLevel;

    @Column(name = "carried_from")
    private Long carriedFrom;

    /** The continuation of this item in a later assessment, if it was carried on. */
    @Formula("(select c.id from action_items c where c.carried_from = id)")
    private Long carriedTo;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version = 1;

    protected ActionItem() {
    }

    ActionItem(long assessmentId, ActionDetails details, String by, Instant now) {
        this.assessmentId = assessmentId;
        this.createdAt = now;
        this.createdBy = by;
        apply(details, by, now);
    }

    /** The continuation of {@code original} in the assessment {@code assessmentId}: same work, same state. */
    static ActionItem continuationOf(ActionItem original, long assessmentId, String by, Instant now) {
        ActionItem next = new ActionItem(assessmentId, original.details(), by, now);
        next.carriedFrom = original.id;
        return next;
    }

    void change(ActionDetails details, String by, Instant now) {
        apply(details, by, now);
    }

    private void apply(ActionDetails details, String by, Instant now) {
        this.dimensionCode = details.dimension();
        this.title = details.title();
        this.description = details.description();
        this.owner = details.owner();
        this.ownerAccount = details.ownerAccount();
        this.dueOn = details.dueOn();
        this.status = details.status();
        this.targetLevel = details.targetLevel();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    ActionDetails details() {
        return new ActionDetails(dimensionCode, title, description, owner, ownerAccount, dueOn, status, targetLevel);
    }

    boolean carriedOn() {
        return carriedTo != null;
    }

    /** Open and past its due date on {@code today}; a carried item is followed up by its continuation instead. */
    boolean overdue(LocalDate today) {
        return !carriedOn() && status.open() && dueOn != null && dueOn.isBefore(today);
    }

    /** The item as readers see it; {@code names}: display names of accounts by username. */
    ActionView view(LocalDate today, java.util.Map<String, String> names) {
        return new ActionView(id, assessmentId, dimensionCode, title, description, owner, ownerAccount,
                ownerAccount == null ? null : names.get(ownerAccount), dueOn, status, targetLevel, carriedFrom,
                carriedTo, createdAt, createdBy, updatedAt, updatedBy, version, overdue(today));
    }

    Long id() {
        return id;
    }

    long assessmentId() {
        return assessmentId;
    }

    String dimensionCode() {
        return dimensionCode;
    }

    ActionStatus status() {
        return status;
    }

    Integer targetLevel() {
        return targetLevel;
    }

    Long carriedFrom() {
        return carriedFrom;
    }

    Long carriedTo() {
        return carriedTo;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    long version() {
        return version;
    }

    String title() {
        return title;
    }

    String ownerAccount() {
        return ownerAccount;
    }
}
