package dev.mpem.portal.report;

import java.util.Map;

/** The workshop votes revealed on each dimension of an assessment, which its report shows: the workshop module provides them. */
public interface RevealedVotes {

    /** By dimension code; empty when no workshop revealed anything. */
    Map<String, Tally> of(long assessmentId);
}
