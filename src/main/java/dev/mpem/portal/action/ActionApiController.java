package dev.mpem.portal.action;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An assessment's action plan as JSON: read by whoever sees the assessment, changed by consultants and admins. */
@Tag(name = "Action plans", description = "The next steps agreed for an assessment: owner, due date and status per action.")
@RestController
class ActionApiController {

    private final ActionService actions;

    ActionApiController(ActionService actions) {
        this.actions = actions;
    }

    @GetMapping("/api/assessments/{id}/actions")
    @Operation(summary = "The action plan of an assessment")
    List<ActionView> plan(@PathVariable long id) {
        return actions.planOf(id);
    }

    @PostMapping("/api/assessments/{id}/actions")
    @Operation(summary = "Add an action to an assessment's plan")
    ResponseEntity<ActionView> create(@PathVariable long id, @RequestBody ActionForm form) {
        ActionView created = actions.create(id, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/actions/" + created.id()).build().toUri()).body(created);
    }

    @GetMapping("/api/actions/{actionId}")
    @Operation(summary = "One action")
    ActionView get(@PathVariable long actionId) {
        return actions.get(actionId);
    }

    /** The whole item as it should be, with the {@code version} it was made from (409 STALE_ACTION when stale). */
    @PutMapping("/api/actions/{actionId}")
    @Operation(summary = "Change an action")
    ActionView update(@PathVariable long actionId, @RequestBody ActionForm form) {
        return actions.update(actionId, form);
    }

    @DeleteMapping("/api/actions/{actionId}")
    @Operation(summary = "Delete an action")
    ResponseEntity<Void> delete(@PathVariable long actionId) {
        actions.delete(actionId);
        return ResponseEntity.noContent().build();
    }
}
