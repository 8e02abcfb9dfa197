package dev.mpem.portal.portfolio;

import dev.mpem.portal.organisation.Industry;

/**
 * How an organisation's current level of one dimension compares with other organisations' latest
 * completed assessments: the median of their current levels, of their targets, and the
 * organisation's percentile ({@code percent_rank} × 100 of its level among theirs and its own,
 * rounded; null while it has not rated the dimension). {@code comparedWith} is how many other
 * organisations, never fewer than {@value Benchmarks#MIN_ORGANISATIONS}; {@code industry} is theirs
 * when they are of the organisation's industry, null when they are organisations of every industry.
 */
public record Benchmark(double median, double targetMedian, Integer percentile, int comparedWith, Industry industry) {
}
