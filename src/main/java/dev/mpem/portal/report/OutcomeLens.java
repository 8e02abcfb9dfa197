package dev.mpem.portal.report;

import java.util.List;

import dev.mpem.portal.model.Outcome;

/**
 * A business outcome of Table 2 seen through this assessment: its key influential dimensions with
 * their gaps, and its readiness (the averages over those dimensions).
 */
public record OutcomeLens(Outcome outcome, boolean focus, List<DimensionGap> dimensions, Averages readiness) {
}
