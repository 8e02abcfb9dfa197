package dev.mpem.portal.history;

import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.report.Averages;

/** One assessment on an organisation's timeline with its overall averages. */
public record TimelineEntry(AssessmentView assessment, Averages overall) {
}
