package dev.mpem.portal.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mpem.portal.shared.PlainName;
import dev.mpem.portal.shared.Text;

/** What a consultant types about an organisation, on the page and in the API. */
public record OrganisationForm(
        @NotBlank(message = "Enter the organisation's name.")
        @Size(max = 200, message = "The name can be at most 200 characters.")
        @PlainName("The name")
        String name,
        @Size(max = 200, message = "The industry can be at most 200 characters.")
        String industry,
        @Size(max = 500, message = "The contact can be at most 500 characters.")
        String contact,
        @Size(max = 4000, message = "Notes can be at most 4,000 characters.")
        String notes,
        @Min(value = 1, message = "Re-assess every 1 to 36 months.")
        @Max(value = 36, message = "Re-assess every 1 to 36 months.")
        Integer reassessMonths) {

    public OrganisationForm {
        name = Text.singleLine(name);
        industry = Text.singleLine(industry);
        contact = Text.singleLine(contact);
        notes = Text.multiLine(notes);
    }

    public OrganisationForm(String name, String industry, String contact, String notes) {
        this(name, industry, contact, notes, null);
    }

    static OrganisationForm empty() {
        return new OrganisationForm(null, null, null, null, Organisation.DEFAULT_REASSESS_MONTHS);
    }

    static OrganisationForm of(OrganisationView organisation) {
        return new OrganisationForm(organisation.name(), organisation.industry(), organisation.contact(),
                organisation.notes(), organisation.reassessMonths());
    }
}
