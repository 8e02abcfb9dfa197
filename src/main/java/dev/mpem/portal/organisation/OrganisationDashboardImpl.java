package dev.mpem.portal.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * Reads a dashboard page in two ordered slices instead of one query that sorts every organisation:
 * the due ones by due date (a range of the due-date index; there are few) and then the others by
 * name (the name index in order, stopping after the page). One statement counts both; a page
 * needs one slice, or two where it straddles the boundary. So a page costs the same with 25 or
 * 25,000 organisations, apart from the count.
 */
class OrganisationDashboardImpl implements OrganisationDashboard {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Page<Organisation> dashboardOfAll(LocalDate soon, Pageable pageable) {
        Object[] counts = entityManager.createQuery("""
                select count(o), sum(case when o.nextAssessmentDue <= :soon then 1 else 0 end)
                from Organisation o""", Object[].class)
                .setParameter("soon", soon)
                .getSingleResult();
        long total = ((Number) counts[0]).longValue();
        long due = counts[1] == null ? 0 : ((Number) counts[1]).longValue();

        long offset = pageable.getOffset();
        int size = pageable.getPageSize();
        List<Organisation> page = new ArrayList<>(size);
        if (offset < due) {
            page.addAll(entityManager.createQuery("""
                    select o from Organisation o where o.nextAssessmentDue <= :soon
                    order by o.nextAssessmentDue, o.nameKey""", Organisation.class)
                    .setParameter("soon", soon)
                    .setFirstResult((int) offset)
                    .setMaxResults(size)
                    .getResultList());
        }
        if (page.size() < size && offset + page.size() < total) {
            page.addAll(entityManager.createQuery("""
                    select o from Organisation o
                    where o.nextAssessmentDue is null or o.nextAssessmentDue > :soon
                    order by o.nameKey""", Organisation.class)
                    .setParameter("soon", soon)
                    .setFirstResult((int) Math.max(0, offset - due))
                    .setMaxResults(size - page.size())
                    .getResultList());
        }
        return new PageImpl<>(page, pageable, total);
    }
}
