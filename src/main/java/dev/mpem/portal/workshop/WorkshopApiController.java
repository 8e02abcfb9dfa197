package dev.mpem.portal.workshop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.mpem.portal.assessment.RatingJson;
import dev.mpem.portal.report.Tally;

/**
 * Workshop mode over the API. Votes need no account: an open join code is the credential. Opening,
 * revealing, agreeing and closing need a consultant.
 */
@Tag(name = "Workshops", description = "Live workshops: participants join with a code and vote; the consultant reveals and agrees the ratings.")
@RestController
class WorkshopApiController {

    private final WorkshopService workshops;
    private final ParticipantService participants;

    WorkshopApiController(WorkshopService workshops, ParticipantService participants) {
        this.workshops = workshops;
        this.participants = participants;
    }

    @PostMapping("/api/assessments/{id}/workshops")
    @Operation(summary = "Open a live workshop on an assessment")
    ResponseEntity<WorkshopJson> open(@PathVariable long id, @RequestBody(required = false) OpenRequest request) {
        WorkshopView workshop = workshops.open(id, request != null && Boolean.TRUE.equals(request.anonymous()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/workshops/" + workshop.id()).build().toUri()).body(WorkshopJson.of(workshop));
    }

    @GetMapping("/api/workshops/{id}")
    @Operation(summary = "One workshop")
    WorkshopJson get(@PathVariable long id) {
        return WorkshopJson.of(workshops.get(id));
    }

    /** Joins a participant (no sign-in, like votes): their key must come with each later vote of theirs. */
    @PostMapping("/api/workshops/{joinCode}/participants")
    @Operation(summary = "Join a workshop with its code (no account needed)")
    ResponseEntity<ParticipantJson> join(@PathVariable String joinCode, @RequestBody JoinRequest request) {
        ParticipantService.JoinedByApi joined = participants.joinByApi(joinCode, request.name());
        return ResponseEntity.status(201).body(new ParticipantJson(joined.participantId(), joined.participantKey(),
                joined.name()));
    }

    /**
     * A vote. With {@code participantKey}: that participant's vote (cast or replaced). Without: a vote
     * under a new name, which joins them; the answer then carries their new {@code participantKey}.
     */
    @PostMapping("/api/workshops/{joinCode}/votes")
    @Operation(summary = "Vote on a dimension in a workshop (no account needed)")
    VoteJson vote(@PathVariable String joinCode, @RequestBody VoteRequest request) {
        ParticipantService.OwnVote vote = participants.vote(joinCode, new VoteCommand(request.participant(),
                request.participantKey() == null || request.participantKey().isBlank() ? null : request.participantKey(),
                request.dimension(), request.current(), request.target(), request.reason()));
        return new VoteJson(request.participant() == null ? null : request.participant().strip(), request.dimension(),
                vote.current(), vote.target(), vote.reason(), vote.participantId(), vote.participantKey());
    }

    @PostMapping("/api/workshops/{id}/dimensions/{code}/reveal")
    @Operation(summary = "Reveal the votes on a dimension")
    Tally reveal(@PathVariable long id, @PathVariable String code) {
        return workshops.reveal(id, code);
    }

    @PostMapping("/api/workshops/{id}/dimensions/{code}/agree")
    @Operation(summary = "Record the level the room agreed on a dimension")
    RatingJson agree(@PathVariable long id, @PathVariable String code, @RequestBody AgreeRequest request) {
        return RatingJson.of(workshops.agree(id, code, request.current(), request.target(), request.reason(),
                request.version()));
    }

    @PostMapping("/api/workshops/{id}/close")
    @Operation(summary = "Close a workshop")
    WorkshopJson close(@PathVariable long id) {
        return WorkshopJson.of(workshops.close(id));
    }

    record OpenRequest(Boolean anonymous) {
    }

    record VoteRequest(String participant, String participantKey, String dimension, Integer current, Integer target,
            String reason) {
    }

    record JoinRequest(String name) {
    }

    record ParticipantJson(long participantId, String participantKey, String name) {
    }

    record AgreeRequest(Integer current, Integer target, String reason, Long version) {
    }

    record VoteJson(String participant, String dimension, int current, int target, String reason, Long participantId,
            String participantKey) {
    }

    record WorkshopJson(long id, String joinCode, String joinUrl, long assessmentId, boolean anonymous, String status,
            String currentDimension, java.util.Set<String> revealed) {

        static WorkshopJson of(WorkshopView workshop) {
            return new WorkshopJson(workshop.id(), workshop.joinCode(), ServletUriComponentsBuilder
                    .fromCurrentContextPath().path("/join/" + workshop.joinCode()).toUriString(),
                    workshop.assessmentId(), workshop.anonymous(), workshop.status(), workshop.currentDimension(),
                    workshop.revealed());
        }
    }
}
