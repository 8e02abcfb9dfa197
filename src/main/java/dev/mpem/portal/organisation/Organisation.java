package dev.mpem.portal.organisation;

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

/** A client company the consultancy assesses. */
@Entity
@Table(name = "organisations")
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "name_key")
    private String nameKey;

    @Enumerated(EnumType.STRING)
    private Industry industry;

    @Column(name = "industry_other")
    private String industryOther;

    private String contact;

    @Column(name = "contact_email")
    private String contactEmail;

    private String notes;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @Column(name = "reassess_months")
    private int reassessMonths = DEFAULT_REASSESS_MONTHS;

    @Column(name = "last_completed_on")
    private LocalDate lastCompletedOn;

    // Derived from the two fields above, here only so that the dashboard can sort by it in SQL.
    @Column(name = "next_assessment_due")
    private LocalDate nextAssessmentDue;

    static final int DEFAULT_REASSESS_MONTHS = 6;

    protected Organisation() {
    }

    Organisation(OrganisationForm details, Instant now) {
        this.createdAt = now;
        apply(details, now);
    }

    void update(OrganisationForm details, Instant now) {
        apply(details, now);
    }

    private void apply(OrganisationForm details, Instant now) {
        this.name = details.name();
        this.nameKey = keyOf(details.name());
        Industry.Choice industry = Industry.Choice.of(details.industry(), details.industryOther());
        this.industry = industry.industry();
        this.industryOther = industry.other();
        this.contact = details.contact();
        this.contactEmail = details.contactEmail() == null || details.contactEmail().isEmpty() ? null
                : details.contactEmail();
        this.notes = details.notes();
        this.reassessMonths = details.reassessMonths() == null ? reassessMonths : details.reassessMonths();
        this.nextAssessmentDue = dueAfter(lastCompletedOn);
        this.updatedAt = now;
    }

    /** The latest completed assessment changed (one was completed or reopened); null when none is left. */
    void latestCompletedOn(LocalDate date) {
        this.lastCompletedOn = date;
        this.nextAssessmentDue = dueAfter(date);
    }

    /** Month ends carry over as java.time does: 31 August + 6 months is the last day of February. */
    private LocalDate dueAfter(LocalDate completed) {
        return completed == null ? null : completed.plusMonths(reassessMonths);
    }

    /** Names are unique whatever their case or surrounding and repeated spaces. */
    static String keyOf(String name) {
        return dev.mpem.portal.shared.Text.nameKey(name);
    }

    OrganisationView view() {
        return new OrganisationView(id, name, industry, industryOther, contact, notes, createdAt, updatedAt, version, reassessMonths,
                lastCompletedOn, nextAssessmentDue, contactEmail);
    }

    Long id() {
        return id;
    }

    LocalDate nextAssessmentDue() {
        return nextAssessmentDue;
    }

    int reassessMonths() {
        return reassessMonths;
    }

    long version() {
        return version;
    }
}
