package dev.mpem.portal.assessment;

import java.time.LocalDate;
import java.util.List;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;

/** What happens to assessments and their ratings, published for whoever records it (the audit trail). */
public final class AssessmentEvents {

    private AssessmentEvents() {
    }

    public record AssessmentStarted(Long organisationId, Long assessmentId, String title, LocalDate assessedOn)
            implements Audited {
        public String action() { return "ASSESSMENT_CREATED"; }
        public Phrase details() { return Phrase.of("audit.ASSESSMENT_CREATED", title, assessedOn); }
    }

    /** A re-assessment, started with the targets of the one before as its planned targets. */
    public record ReassessmentStarted(Long organisationId, Long assessmentId, String title, LocalDate assessedOn,
            long previousAssessmentId, String previousTitle, LocalDate previousAssessedOn, int plannedTargets) implements Audited {
        public String action() { return "ASSESSMENT_CREATED"; }
        public Phrase details() {
            return Phrase.of("audit.ASSESSMENT_CREATED.reassessment", title, assessedOn, previousTitle, previousAssessedOn,
                    plannedTargets);
        }
    }

    public record AssessmentDetailsChanged(Long organisationId, Long assessmentId, String title, LocalDate assessedOn,
            List<String> focusOutcomes) implements Audited {
        public String action() { return "ASSESSMENT_CHANGED"; }
        public Phrase details() {
            return Phrase.of("audit.ASSESSMENT_CHANGED", title, assessedOn,
                    focusOutcomes.isEmpty() ? Phrase.of("audit.empty") : focusOutcomes);
        }
    }

    /** A rating changed from {@code before} to {@code after}, by hand or ({@code agreed}) as a workshop agreed it. */
    public record RatingChanged(Long organisationId, Long assessmentId, String dimension, RatingView before,
            RatingView after, boolean agreed) implements Audited {
        public String action() { return agreed ? "WORKSHOP_AGREED" : "RATING_CHANGED"; }
        public Phrase details() {
            List<Object> parts = new java.util.ArrayList<>();
            parts.add(change("audit.rating.current", before.current(), after.current()));
            parts.add(change("audit.rating.target", before.target(), after.target()));
            if (!java.util.Objects.equals(before.notes(), after.notes())) {
                parts.add(Phrase.of(before.notes() == null ? "audit.rating.notesAdded"
                        : after.notes() == null ? "audit.rating.notesRemoved" : "audit.rating.notesChanged"));
            }
            if (after.confidence() != null) {
                parts.add(Phrase.of("audit.rating.agreed", Phrase.of("confidence.words." + after.confidence().name()),
                        after.agreement()));
            }
            return Phrase.of("audit.RATING_CHANGED", dimension, parts, after.version());
        }

        private static Phrase change(String code, Integer before, Integer after) {
            Object was = level(before);
            return java.util.Objects.equals(before, after) ? Phrase.of(code + ".unchanged", was)
                    : Phrase.of(code, was, level(after));
        }

        private static Object level(Integer level) {
            return level == null ? Phrase.of("audit.rating.none") : level;
        }
    }

    /** The consultant's commentary was written, changed ({@code length} characters now) or removed (0). */
    public record CommentaryChanged(Long organisationId, Long assessmentId, int length) implements Audited {
        public String action() { return "COMMENTARY_CHANGED"; }
        public Phrase details() {
            return length == 0 ? Phrase.of("audit.COMMENTARY_CHANGED.removed") : Phrase.of("audit.COMMENTARY_CHANGED", length);
        }
    }

    public record AssessmentCompleted(Long organisationId, Long assessmentId) implements Audited {
        public String action() { return "ASSESSMENT_COMPLETED"; }
        public Phrase details() { return Phrase.of("audit.ASSESSMENT_COMPLETED"); }
    }

    public record AssessmentReopened(Long organisationId, Long assessmentId, String reason) implements Audited {
        public String action() { return "ASSESSMENT_REOPENED"; }
        public Phrase details() {
            return reason == null ? Phrase.of("audit.ASSESSMENT_REOPENED") : Phrase.of("audit.ASSESSMENT_REOPENED.reason", reason);
        }
    }
}
