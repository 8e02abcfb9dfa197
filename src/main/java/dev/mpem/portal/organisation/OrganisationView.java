package dev.mpem.portal.organisation;

import java.time.Instant;

public record OrganisationView(long id, String name, String industry, String contact, String notes,
        Instant createdAt, Instant updatedAt, long version) {
}
