package dev.mpem.portal.organisation;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Organisations", description = "The client organisations assessed.")
@RestController
@RequestMapping("/api/organisations")
class OrganisationApiController {

    private final OrganisationService organisations;

    OrganisationApiController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @PostMapping
    @Operation(summary = "Add an organisation")
    ResponseEntity<OrganisationJson> create(@Valid @RequestBody OrganisationForm form) {
        OrganisationView created = organisations.create(form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/organisations/" + created.id()).build().toUri())
                .body(OrganisationJson.of(created));
    }

    @GetMapping
    @Operation(summary = "List the organisations you may see")
    List<OrganisationJson> list() {
        return organisations.all().stream().map(OrganisationJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation")
    OrganisationJson get(@PathVariable long id) {
        return OrganisationJson.of(organisations.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an organisation")
    OrganisationJson update(@PathVariable long id, @Valid @RequestBody OrganisationForm form,
            @RequestParam(name = "version", required = false) Long version) {
        return OrganisationJson.of(organisations.update(id, keepingContactEmail(id, keepingOtherWords(id, form)), version));
    }

    /**
     * A client that reads an organisation of an industry outside the list and sends it back gets
     * "OTHER" without knowing {@code industryOther}: the words stored are kept rather than lost.
     */
    private OrganisationForm keepingOtherWords(long id, OrganisationForm form) {
        if (!Industry.OTHER.name().equals(form.industry()) || form.industryOther() != null) {
            return form;
        }
        OrganisationView stored = organisations.get(id);
        return stored.industry() == Industry.OTHER && stored.industryOther() != null
                ? new OrganisationForm(form.name(), form.industry(), stored.industryOther(), form.contact(),
                        form.contactEmail(), form.notes(), form.reassessMonths())
                : form;
    }

    /**
     * A client written before organisations had a contact e-mail sends none: the stored one is kept
     * (send {@code "contactEmail": ""} to remove it).
     */
    private OrganisationForm keepingContactEmail(long id, OrganisationForm form) {
        if (form.contactEmail() != null) {
            return form;
        }
        String stored = organisations.get(id).contactEmail();
        return new OrganisationForm(form.name(), form.industry(), form.industryOther(), form.contact(),
                stored == null ? "" : stored, form.notes(), form.reassessMonths());
    }

    /** {@code nextAssessmentDue} is null before the organisation has a completed assessment. */
    /** {@code industry} is a code of {@link Industry} (or null); {@code industryOther} the words typed for OTHER. */
    record OrganisationJson(long id, String name, Industry industry, String industryOther, String contact, String notes, int reassessMonths,
            LocalDate lastCompletedOn, LocalDate nextAssessmentDue, Instant createdAt, Instant updatedAt, long version,
            String contactEmail) {

        static OrganisationJson of(OrganisationView organisation) {
            return new OrganisationJson(organisation.id(), organisation.name(), organisation.industry(),
                    organisation.industryOther(), organisation.contact(), organisation.notes(), organisation.reassessMonths(),
                    organisation.lastCompletedOn(), organisation.nextAssessmentDue(), organisation.createdAt(),
                    organisation.updatedAt(), organisation.version(), organisation.contactEmail());
        }
    }
}
