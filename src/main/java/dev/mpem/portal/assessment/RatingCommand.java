package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.Level;

/**
 * A save of one dimension's rating. {@code expectedVersion} is the version the client loaded (null
 * when nothing was stored yet). With {@code levelsRequired} false the current level may be left out
 * to keep only the notes and a planned target (a walk step left before the room agreed).
 */
public record RatingCommand(@Level(message = "{level.current.invalid}") Integer current,
        @Level(message = "{level.target.invalid}") Integer target, String notes, Long expectedVersion,
        boolean levelsRequired, String actor, Agreement agreement) {

    public RatingCommand(Integer current, Integer target, String notes, Long expectedVersion, boolean levelsRequired,
            String actor) {
        this(current, target, notes, expectedVersion, levelsRequired, actor, null);
    }

    /** The levels a workshop agreed on; the stored notes stay as they are. */
    public static RatingCommand agreed(int current, int target, Long expectedVersion, Agreement agreement,
            String actor) {
        return new RatingCommand(current, target, null, expectedVersion, true, actor, agreement);
    }

    /** A complete rating (both levels) made from the given version (null for a first rating). */
    public static RatingCommand of(int current, int target, String notes, Long expectedVersion, String actor) {
        return new RatingCommand(current, target, notes, expectedVersion, true, actor);
    }
}
