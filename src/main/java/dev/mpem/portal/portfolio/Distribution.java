package dev.mpem.portal.portfolio;

import dev.mpem.portal.model.Dimension;

/**
 * One dimension over the organisations a portfolio view covers: how many rated it ({@code n}) and
 * the spread of their current and target levels, both null when fewer than
 * {@value Benchmarks#MIN_ORGANISATIONS} did.
 */
public record Distribution(Dimension dimension, int n, Stats current, Stats target) {

    public boolean shown() {
        return current != null;
    }
}
