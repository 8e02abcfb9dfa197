package dev.mpem.portal.report;

import dev.mpem.portal.assessment.Confidence;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.Level;

/**
 * One dimension's current and target level and the gap between them; levels null when unrated.
 * {@code confidence} and {@code agreement} are set when a workshop agreed the rating.
 */
public record DimensionGap(Dimension dimension, Level currentLevel, Level targetLevel, String notes,
        Confidence confidence, String agreement) {

    public DimensionGap(Dimension dimension, Level currentLevel, Level targetLevel, String notes) {
        this(dimension, currentLevel, targetLevel, notes, null, null);
    }

    public boolean contested() {
        return confidence != null && confidence.contested();
    }

    public boolean rated() {
        return currentLevel != null && targetLevel != null;
    }

    public Integer current() {
        return currentLevel == null ? null : currentLevel.number();
    }

    public Integer target() {
        return targetLevel == null ? null : targetLevel.number();
    }

    /** target - current, null while unrated. */
    public Integer gap() {
        return rated() ? targetLevel.number() - currentLevel.number() : null;
    }

    public String code() {
        return dimension.code();
    }

    /** "2 Foundational → 4 Mature". */
    public String movement() {
        return rated() ? currentLevel.label() + " \u2192 " + targetLevel.label() : null;
    }
}
