package dev.mpem.portal.workshop;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface VoteRepository extends JpaRepository<Vote, Long> {

    Optional<Vote> findByWorkshopIdAndParticipantIdAndDimensionCode(long workshopId, long participantId, String dimensionCode);

    List<Vote> findByWorkshopIdAndDimensionCode(long workshopId, String dimensionCode);

    List<Vote> findByWorkshopIdIn(Collection<Long> workshopIds);

    long countByWorkshopIdAndDimensionCode(long workshopId, String dimensionCode);
}
