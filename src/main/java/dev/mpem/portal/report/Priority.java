package dev.mpem.portal.report;

import java.util.List;

import dev.mpem.portal.model.Outcome;

/**
 * A dimension to work on, its place in the ranking, the outcomes that count for it and why it
 * ranks where it does.
 */
public record Priority(int rank, DimensionGap dimension, List<Outcome> outcomes, int score, String reason) {
}
