package dev.mpem.portal.assessment;

public enum AssessmentStatus {
    DRAFT, COMPLETED
}
