package dev.mpem.portal.organisation;

import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The dashboard's page of all organisations, read through indexes rather than by sorting them all. */
interface OrganisationDashboard {

    /**
     * Every organisation, overdue and due by {@code soon} first (earliest due first, then by name),
     * then the rest by name.
     */
    Page<Organisation> dashboardOfAll(LocalDate soon, Pageable pageable);
}
