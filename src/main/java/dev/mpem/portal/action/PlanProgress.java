package dev.mpem.portal.action;

import java.util.Map;

/**
 * What became of an earlier assessment's action plan by a later assessment, per dimension (by code,
 * in the model's order) and in total. Each item of the earlier plan counts once, where its chain of
 * continuations ended.
 */
public record PlanProgress(Map<String, Counts> dimensions, Counts total) {

    /** {@code overdue} counts open items past their due date (they are among {@code open}). */
    public record Counts(int done, int open, int overdue, int dropped) {

        static final Counts NONE = new Counts(0, 0, 0, 0);

        static Counts of(ActionStatus status, boolean overdue) {
            return new Counts(status == ActionStatus.DONE ? 1 : 0, status.open() ? 1 : 0, overdue ? 1 : 0,
                    status == ActionStatus.DROPPED ? 1 : 0);
        }

        Counts plus(Counts other) {
            return new Counts(done + other.done, open + other.open, overdue + other.overdue, dropped + other.dropped);
        }

        public int items() {
            return done + open + dropped;
        }
    }

    public Counts of(String dimensionCode) {
        return dimensions.getOrDefault(dimensionCode, Counts.NONE);
    }

    public boolean anyItems() {
        return total.items() > 0;
    }
}
