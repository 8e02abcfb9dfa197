package dev.mpem.portal.workshop;

import dev.mpem.portal.shared.Level;

/**
 * A vote as cast from a participant's browser (known by {@code browserKey}) or through the API
 * (known by the name in {@code participant}).
 */
public record VoteCommand(String participant, String browserKey, String dimension, @Level(message = "{level.current.invalid}") Integer current,
        @Level(message = "{level.target.invalid}") Integer target,
        String reason) {

    /** A vote of the participant of this name (as the API casts it). */
    public static VoteCommand byName(String participant, String dimension, int current, int target, String reason) {
        return new VoteCommand(participant, null, dimension, current, target, reason);
    }
}
