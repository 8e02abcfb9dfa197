package dev.mpem.portal.assessment;

import java.time.Instant;

/** A rating as the JSON API shows it; {@code confidence} and {@code agreement} come from a workshop. */
public record RatingJson(String dimension, Integer current, Integer target, String notes, Long version,
        Instant updatedAt, String updatedBy, Confidence confidence, String agreement) {

    public static RatingJson of(RatingView rating) {
        return new RatingJson(rating.dimension(), rating.current(), rating.target(), rating.notes(),
                rating.version(), rating.updatedAt(), rating.updatedBy(), rating.confidence(), rating.agreement());
    }
}
