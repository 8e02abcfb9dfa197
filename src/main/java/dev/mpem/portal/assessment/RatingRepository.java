package dev.mpem.portal.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RatingRepository extends JpaRepository<Rating, Long> {

    List<Rating> findByAssessmentId(long assessmentId);

    List<Rating> findByAssessmentIdIn(java.util.Collection<Long> assessmentIds);

    Optional<Rating> findByAssessmentIdAndDimensionCode(long assessmentId, String dimensionCode);
}
