package dev.mpem.portal.action;

/** Where an action item stands. PLANNED and IN_PROGRESS are open; DONE and DROPPED are settled. */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, DONE, DROPPED;

    public boolean open() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
