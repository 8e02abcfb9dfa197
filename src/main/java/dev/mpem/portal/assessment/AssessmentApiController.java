package dev.mpem.portal.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.Text;

@Tag(name = "Assessments", description = "Assessments of an organisation: current and target level per MPEM dimension, with notes.")
@RestController
class AssessmentApiController {

    private final AssessmentService assessments;
    private final CurrentUser currentUser;

    AssessmentApiController(AssessmentService assessments, CurrentUser currentUser) {
        this.assessments = assessments;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/organisations/{organisationId}/assessments")
    @Operation(summary = "Start an assessment of an organisation")
    ResponseEntity<AssessmentJson> create(@PathVariable long organisationId, @Valid @RequestBody AssessmentForm form) {
        AssessmentView created = assessments.create(organisationId, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/assessments/" + created.id()).build().toUri()).body(AssessmentJson.of(created));
    }

    @GetMapping("/api/assessments/{id}")
    @Operation(summary = "One assessment with its ratings")
    AssessmentJson get(@PathVariable long id) {
        return AssessmentJson.of(assessments.get(id));
    }

    /** Starts the next assessment after a completed one; the body (all optional) overrides the defaults. */
    @PostMapping("/api/assessments/{id}/reassess")
    @Operation(summary = "Start the re-assessment that follows a completed assessment")
    ResponseEntity<AssessmentJson> reassess(@PathVariable long id, @RequestBody(required = false) AssessmentForm form) {
        AssessmentForm defaults = assessments.reassessmentForm(id, currentUser.displayName());
        AssessmentForm details = form == null ? defaults : new AssessmentForm(
                form.title() == null ? defaults.title() : form.title(),
                form.assessedOn() == null ? defaults.assessedOn() : form.assessedOn(),
                form.assessor() == null ? defaults.assessor() : form.assessor(),
                form.participants() == null ? defaults.participants() : form.participants(),
                form.focusOutcomes().isEmpty() ? defaults.focusOutcomes() : form.focusOutcomes());
        AssessmentView created = assessments.reassess(id, details);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/assessments/" + created.id()).build().toUri()).body(AssessmentJson.of(created));
    }

    @PutMapping("/api/assessments/{id}/details")
    @Operation(summary = "Change an assessment's title, date, assessor and focus outcomes")
    AssessmentJson updateDetails(@PathVariable long id, @Valid @RequestBody AssessmentForm form) {
        return AssessmentJson.of(assessments.updateDetails(id, form));
    }

    @PutMapping("/api/assessments/{id}/ratings/{dimensionCode}")
    @Operation(summary = "Save the current and target level of one dimension")
    RatingJson saveRating(@PathVariable long id, @PathVariable String dimensionCode,
            @RequestBody RatingRequest request) {
        RatingCommand command = new RatingCommand(request.current(), request.target(), Text.multiLine(request.notes()),
                request.version(), true, currentUser.username());
        return RatingJson.of(assessments.saveRating(id, dimensionCode, command));
    }

    /** The consultant's commentary for executives; blank or null removes it. */
    @PutMapping("/api/assessments/{id}/commentary")
    @Operation(summary = "Save the assessment's commentary")
    AssessmentJson saveCommentary(@PathVariable long id, @RequestBody CommentaryRequest request) {
        return AssessmentJson.of(assessments.saveCommentary(id, request.commentary()));
    }

    record CommentaryRequest(String commentary) {
    }

    @PostMapping("/api/assessments/{id}/complete")
    @Operation(summary = "Complete an assessment (every dimension rated)")
    AssessmentJson complete(@PathVariable long id) {
        return AssessmentJson.of(assessments.complete(id, currentUser.username()));
    }

    @PostMapping("/api/assessments/{id}/reopen")
    @Operation(summary = "Reopen a completed assessment, with a reason")
    AssessmentJson reopen(@PathVariable long id, @RequestBody(required = false) ReopenRequest request) {
        String reason = request == null ? null : Text.multiLine(request.reason());
        return AssessmentJson.of(assessments.reopen(id, currentUser.username(), reason));
    }

    record RatingRequest(Integer current, Integer target, String notes, Long version) {
    }

    record ReopenRequest(String reason) {
    }

    record AssessmentJson(long id, long organisationId, String organisationName, String title, LocalDate assessedOn,
            String assessor, String participants, AssessmentStatus status, Instant completedAt, String completedBy,
            List<String> focusOutcomes, List<RatingJson> ratings, List<ReopeningView> reopenings,
            Long previousAssessmentId, String commentary) {

        static AssessmentJson of(AssessmentView assessment) {
            return new AssessmentJson(assessment.id(), assessment.organisationId(), assessment.organisationName(),
                    assessment.title(), assessment.assessedOn(), assessment.assessor(), assessment.participants(),
                    assessment.status(), assessment.completedAt(), assessment.completedBy(),
                    assessment.focusOutcomes(), assessment.ratings().stream().map(RatingJson::of).toList(),
                    assessment.reopenings(), assessment.previousAssessmentId(), assessment.commentary());
        }
    }
}
