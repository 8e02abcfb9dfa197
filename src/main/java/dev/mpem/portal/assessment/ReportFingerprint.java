package dev.mpem.portal.assessment;

/**
 * What a gap report of an assessment is made of as far as assessments go, summed up in one string
 * that changes whenever any of it changes: the organisation's details, every assessment and rating
 * of that organisation (the report compares with earlier ones). Modules above reports add their
 * own parts (the report module's {@code ReportInputs}).
 */
public record ReportFingerprint(long assessmentId, long organisationId, String value) {
}
