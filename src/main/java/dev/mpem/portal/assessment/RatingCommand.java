package dev.mpem.portal.assessment;

/**
 * A save of one dimension's rating. {@code expectedVersion} is the version the client loaded (null
 * when nothing was stored yet). With {@code levelsRequired} false both levels may be left out to
 * keep only the notes (a walk step left before the room agreed on levels).
 */
public record RatingCommand(Integer current, Integer target, String notes, Long expectedVersion,
        boolean levelsRequired, String actor) {

    /** A complete rating (both levels) made from the given version (null for a first rating). */
    public static RatingCommand of(int current, int target, String notes, Long expectedVersion, String actor) {
        return new RatingCommand(current, target, notes, expectedVersion, true, actor);
    }
}
