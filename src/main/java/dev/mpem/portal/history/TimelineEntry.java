package dev.mpem.portal.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.report.Averages;

/** One assessment on an organisation's timeline with its overall averages. */
public record TimelineEntry(AssessmentView assessment, Averages overall) {

    /** A timeline (oldest first, as HistoryService gives it) the way pages list it: newest first. */
    public static List<TimelineEntry> newestFirst(List<TimelineEntry> oldestFirst) {
        List<TimelineEntry> newest = new ArrayList<>(oldestFirst);
        Collections.reverse(newest);
        return newest;
    }
}
