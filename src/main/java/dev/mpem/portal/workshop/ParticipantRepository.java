package dev.mpem.portal.workshop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ParticipantRepository extends JpaRepository<Participant, Long> {

    Optional<Participant> findByWorkshopIdAndNameKey(long workshopId, String nameKey);

    Optional<Participant> findByWorkshopIdAndBrowserKey(long workshopId, String browserKey);

    /** A survey invitee by their personal key (keys are unique across workshops). */
    Optional<Participant> findByBrowserKey(String browserKey);

    List<Participant> findByWorkshopId(long workshopId);

    List<Participant> findByWorkshopIdIn(java.util.Collection<Long> workshopIds);

    long countByWorkshopId(long workshopId);
}
