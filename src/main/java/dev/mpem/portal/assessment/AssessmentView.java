package dev.mpem.portal.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An assessment with all of its ratings, one per dimension of the model and in the model's order
 * (unrated dimensions included, with null levels). {@code commentary} is the consultant's word to
 * executives (plain text, paragraphs kept), null until written.
 */
public record AssessmentView(long id, long organisationId, String organisationName, String title,
        LocalDate assessedOn, String assessor, String participants, AssessmentStatus status, Instant createdAt,
        Instant completedAt, String completedBy, List<String> focusOutcomes, List<RatingView> ratings,
        List<ReopeningView> reopenings, Long previousAssessmentId, String commentary) {

    public AssessmentView(long id, long organisationId, String organisationName, String title, LocalDate assessedOn,
            String assessor, String participants, AssessmentStatus status, Instant createdAt, Instant completedAt,
            String completedBy, List<String> focusOutcomes, List<RatingView> ratings, List<ReopeningView> reopenings,
            Long previousAssessmentId) {
        this(id, organisationId, organisationName, title, assessedOn, assessor, participants, status, createdAt,
                completedAt, completedBy, focusOutcomes, ratings, reopenings, previousAssessmentId, null);
    }

    public boolean completed() {
        return status == AssessmentStatus.COMPLETED;
    }

    public long ratedCount() {
        return ratings.stream().filter(RatingView::rated).count();
    }

    public boolean allRated() {
        return ratedCount() == ratings.size();
    }

    public RatingView rating(String dimensionCode) {
        return ratings.stream().filter(rating -> rating.dimension().equals(dimensionCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No dimension " + dimensionCode));
    }

    /** The first dimension in the model's order that is not rated yet. */
    public Optional<String> firstUnrated() {
        return ratings.stream().filter(rating -> !rating.rated()).map(RatingView::dimension).findFirst();
    }

    public List<String> unrated() {
        return ratings.stream().filter(rating -> !rating.rated()).map(RatingView::dimension).toList();
    }

    public boolean focusOn(String outcomeCode) {
        return focusOutcomes.contains(outcomeCode);
    }
}
