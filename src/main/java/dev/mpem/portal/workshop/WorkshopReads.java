package dev.mpem.portal.workshop;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.report.Tally;

/** What both sides of a workshop read: a workshop by its code, a dimension, a dimension's tally. */
@Component
class WorkshopReads {

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final VoteRepository votes;
    private final ModelService modelService;

    WorkshopReads(WorkshopRepository workshops, ParticipantRepository participants, VoteRepository votes,
            ModelService modelService) {
        this.workshops = workshops;
        this.participants = participants;
        this.votes = votes;
        this.modelService = modelService;
    }

    Tally tally(Workshop workshop, String dimensionCode) {
        Map<Long, String> names = participants.findByWorkshopId(workshop.id()).stream()
                .collect(Collectors.toMap(Participant::id, Participant::displayName));
        return Tally.of(votes.findByWorkshopIdAndDimensionCode(workshop.id(), dimensionCode).stream()
                .map(v -> new Tally.Ballot(names.get(v.participantId()), v.current(), v.target(), v.reason()))
                .toList(), workshop.anonymous());
    }

    Workshop openByCode(String joinCode) {
        // A survey's participants are invited: nobody joins it with its code.
        return workshops.findByJoinCode(WorkshopService.normalise(joinCode)).filter(Workshop::open)
                .filter(workshop -> workshop.kind() == Workshop.Kind.LIVE)
                .orElseThrow(() -> new WorkshopClosedException(joinCode));
    }

    Dimension dimension(String code) {
        return modelService.model().findDimension(code)
                .orElseThrow(() -> new dev.mpem.portal.assessment.DimensionNotFoundException(code));
    }
}
