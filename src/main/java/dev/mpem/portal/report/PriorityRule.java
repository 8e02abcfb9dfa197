package dev.mpem.portal.report;

/** The ranking rule of {@link GapReportCalculator#priorities} in plain words, as the report states it. */
public final class PriorityRule {

    private PriorityRule() {
    }

    public static String text(boolean focusBased) {
        String pool = focusBased ? "business outcomes in focus" : "business outcomes of Table 2 (no outcome is in focus,"
                + " so every row counts)";
        return "Every dimension with a gap gets a score: its gap \u00d7 (1 + the number of " + pool
                + " it is a key influential dimension of). Higher scores come first. Equal scores go to the larger gap,"
                + " then to the dimension that influences more outcomes, then to the model's order. Dimensions without"
                + " a gap are not ranked.";
    }
}
