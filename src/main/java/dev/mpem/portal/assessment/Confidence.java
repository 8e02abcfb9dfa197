package dev.mpem.portal.assessment;

/**
 * How far the room agreed, from the spread of its votes (highest minus lowest level, current and
 * target alike): HIGH when all votes lie within one level, MEDIUM at two levels, LOW (contested)
 * at three or more.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public static Confidence ofSpread(int spread) {
        return spread <= 1 ? HIGH : spread == 2 ? MEDIUM : LOW;
    }

    public boolean contested() {
        return this == LOW;
    }
}
