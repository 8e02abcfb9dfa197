package dev.mpem.portal.assessment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RatingRepository extends JpaRepository<Rating, Long> {

    List<Rating> findByAssessmentId(long assessmentId);

    Optional<Rating> findByAssessmentIdAndDimensionCode(long assessmentId, String dimensionCode);
}
