package dev.mpem.portal.report;

import java.util.List;

/**
 * Something the paper (section 6) warns about: {@code IMBALANCE} when dimensions sit 3 or more
 * levels apart, {@code BIG_BANG} when a target is 3 or more levels above current in one cycle
 * ({@code reason} LARGE_STEP) or every target is Level 5 ({@code reason} ALL_LEVEL_5).
 */
public record Warning(Type type, String reason, String title, String message, List<String> dimensions,
        List<String> leading, List<String> lagging) {

    public enum Type {
        IMBALANCE, BIG_BANG
    }
}
