package dev.mpem.portal.assessment;

import java.time.Instant;

/** A rating as the JSON API shows it. */
record RatingJson(String dimension, Integer current, Integer target, String notes, Long version,
        Instant updatedAt, String updatedBy) {

    static RatingJson of(RatingView rating) {
        return new RatingJson(rating.dimension(), rating.current(), rating.target(), rating.notes(),
                rating.version(), rating.updatedAt(), rating.updatedBy());
    }
}
