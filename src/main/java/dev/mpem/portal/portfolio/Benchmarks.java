package dev.mpem.portal.portfolio;

import java.util.Map;
import java.util.TreeMap;

import dev.mpem.portal.organisation.Industry;

/**
 * The benchmarks of one assessment, by dimension code (a dimension without one is absent), and the
 * industry of its organisation (null when none or OTHER: then it is compared with every industry).
 *
 * <p>Privacy: a benchmark is an aggregate of at least {@link #MIN_ORGANISATIONS} other
 * organisations, first those of the same industry, else all; with fewer there is none, and nothing
 * says how many there are.
 */
public record Benchmarks(Map<String, Benchmark> byDimension, Industry industry) {

    public static final int MIN_ORGANISATIONS = 5;

    public Benchmark of(String dimension) {
        return byDimension.get(dimension);
    }

    public boolean any() {
        return !byDimension.isEmpty();
    }

    /** Whether some benchmark compares with every industry although the organisation has one. */
    public boolean fellBackToAll() {
        return industry != null && byDimension.values().stream().anyMatch(b -> b.industry() == null);
    }

    public int minimum() {
        return MIN_ORGANISATIONS;
    }

    /** A median as a reader sees it: 2, 2.5. */
    public String figure(double value) {
        return Stats.format(value);
    }

    /** Changes whenever any figure does: part of the cache key of documents that show them. */
    public String fingerprint() {
        return industry + "|" + new TreeMap<>(byDimension);
    }
}
