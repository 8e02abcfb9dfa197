package dev.mpem.portal.report;

/**
 * What a module above reports adds to an assessment's report, as far as the report's cache key
 * goes: each module that adds data to a report implements this, so the report knows no other
 * module's tables. The key is read from the database on every request, which keeps several
 * instances consistent.
 */
public interface ReportInputs {

    /** A value that changes whenever what this module adds to the assessment's report changes. */
    String version(long assessmentId);
}
