package dev.mpem.portal.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByAssessmentIdOrderByOccurredAtDescIdDesc(long assessmentId);

    Page<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);

    Page<AuditEvent> findByActionOrderByOccurredAtDescIdDesc(String action, Pageable pageable);
}
