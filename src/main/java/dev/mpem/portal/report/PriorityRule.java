package dev.mpem.portal.report;

import dev.mpem.portal.shared.Words;

/** The ranking rule of {@link GapReportCalculator#priorities} in plain words, as the report states it. */
public final class PriorityRule {

    private PriorityRule() {
    }

    public static String text(boolean focusBased) {
        return Words.say("report.rule", Words.say(focusBased ? "report.rule.pool.focus" : "report.rule.pool.all"));
    }
}
