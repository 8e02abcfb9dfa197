package dev.mpem.portal.action;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActionRepository extends JpaRepository<ActionItem, Long> {

    List<ActionItem> findByAssessmentIdOrderByIdAsc(long assessmentId);

    List<ActionItem> findByAssessmentIdInOrderByIdAsc(Collection<Long> assessmentIds);
}
