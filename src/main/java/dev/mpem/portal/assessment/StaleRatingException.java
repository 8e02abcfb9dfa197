package dev.mpem.portal.assessment;

import java.util.Map;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

/**
 * A rating was saved from a version that is no longer the stored one: someone else saved the same
 * dimension in between. {@link #stored()} is what is stored now.
 */
public class StaleRatingException extends ConflictException {

    private final RatingView stored;

    StaleRatingException(RatingView stored) {
        super("STALE_RATING", "version", Words.say("rating.stale"));
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
