package dev.mpem.portal.assessment;

import java.time.Instant;

/**
 * A dimension's rating in an assessment. Levels are null while the dimension is unrated, and
 * {@code version} is null while nothing at all was saved for it.
 */
public record RatingView(String dimension, Integer current, Integer target, String notes, Long version,
        Instant updatedAt, String updatedBy, Confidence confidence, String agreement) {

    public RatingView(String dimension, Integer current, Integer target, String notes, Long version, Instant updatedAt,
            String updatedBy) {
        this(dimension, current, target, notes, version, updatedAt, updatedBy, null, null);
    }

    static RatingView unrated(String dimension) {
        return new RatingView(dimension, null, null, null, null, null, null);
    }

    /** Agreed in a workshop whose votes lay three or more levels apart. */
    public boolean contested() {
        return confidence != null && confidence.contested();
    }

    public boolean rated() {
        return current != null && target != null;
    }

    /** target - current, or null while unrated. */
    public Integer gap() {
        return rated() ? target - current : null;
    }
}
