package dev.mpem.portal.assessment;

import java.util.Map;

import dev.mpem.portal.shared.ConflictException;

/**
 * A rating was saved from a version that is no longer the stored one: someone else saved the same
 * dimension in between. {@link #stored()} is what is stored now.
 */
public class StaleRatingException extends ConflictException {

    private final RatingView stored;

    StaleRatingException(RatingView stored) {
        super("STALE_RATING", "version", "Someone else saved this dimension after you opened it, so your save"
                + " was not applied. The value stored now is shown; your entry is kept. Save again to replace it.");
        this.stored = stored;
    }

    public RatingView stored() {
        return stored;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("stored", RatingJson.of(stored));
    }
}
