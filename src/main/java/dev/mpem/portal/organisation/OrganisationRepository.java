package dev.mpem.portal.organisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, Long>, OrganisationDashboard {

    @Query("select o.version from Organisation o where o.id = :id")
    java.util.Optional<Long> versionOf(long id);


    Optional<Organisation> findByNameKey(String nameKey);

    /**
     * The dashboard's order: overdue and soon-due organisations first (earliest due first), then the
     * rest by name. {@code ids} limits the result unless {@code all} is true. Sorts every match:
     * for searches and executives' few organisations; {@link #dashboardOfAll} serves the rest.
     */
    @Query(value = """
            select o from Organisation o
            where (:all = true or o.id in :ids) and o.nameKey like concat('%', :part, '%')
            order by case when o.nextAssessmentDue is not null and o.nextAssessmentDue <= :soon then 0 else 1 end,
                     case when o.nextAssessmentDue is not null and o.nextAssessmentDue <= :soon
                          then o.nextAssessmentDue end,
                     o.nameKey""",
            countQuery = """
            select count(o) from Organisation o
            where (:all = true or o.id in :ids) and o.nameKey like concat('%', :part, '%')""")
    Page<Organisation> dashboard(boolean all, Collection<Long> ids, String part, LocalDate soon, Pageable pageable);
}
