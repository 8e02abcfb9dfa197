package dev.mpem.portal.share;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Share links", description = "Read-only links to a report for people without an account.")
@RestController
class ShareApiController {

    private final ShareService shares;

    ShareApiController(ShareService shares) {
        this.shares = shares;
    }

    @PostMapping("/api/assessments/{id}/shares")
    @Operation(summary = "Create a read-only link to an assessment's report")
    ResponseEntity<ShareJson> create(@PathVariable long id, @RequestBody(required = false) ShareRequest request) {
        ShareService.CreatedShare created = shares.create(id, request == null ? null : request.expiresInDays());
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/share/" + created.token())
                .build().toUriString();
        return ResponseEntity.status(201).body(new ShareJson(created.link().id(), id, url, created.link().expiresAt()));
    }

    @PostMapping("/api/assessments/{id}/shares/{shareId}/revoke")
    @Operation(summary = "Revoke a share link")
    ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long shareId) {
        shares.revoke(id, shareId);
        return ResponseEntity.noContent().build();
    }

    record ShareRequest(Integer expiresInDays) {
    }

    record ShareJson(long id, long assessmentId, String url, Instant expiresAt) {
    }
}
