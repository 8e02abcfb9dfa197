package dev.mpem.portal.workshop;

/**
 * A vote as cast from a participant's browser (known by {@code browserKey}) or through the API
 * (known by the name in {@code participant}).
 */
record VoteCommand(String participant, String browserKey, String dimension, Integer current, Integer target,
        String reason) {
}
