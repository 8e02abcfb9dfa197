package dev.mpem.portal.assessment;

/**
 * Everything a gap report of an assessment is made of, summed up in one string that changes
 * whenever any of it changes: the assessment and its organisation, every assessment and rating of
 * that organisation (the report compares with earlier ones), and the workshops' reveals and votes.
 */
public record ReportFingerprint(long assessmentId, long organisationId, String value) {
}
