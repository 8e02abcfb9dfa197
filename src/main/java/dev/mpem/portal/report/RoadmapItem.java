package dev.mpem.portal.report;

import java.util.List;

import dev.mpem.portal.model.Level;

/** What the organisation must be able to do at each level from current + 1 up to the target. */
public record RoadmapItem(DimensionGap dimension, List<Step> steps) {

    public record Step(Level level, String descriptor) {
    }
}
