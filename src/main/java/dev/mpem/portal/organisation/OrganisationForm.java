package dev.mpem.portal.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mpem.portal.shared.PlainName;
import dev.mpem.portal.shared.Text;

/** What a consultant types about an organisation, on the page and in the API. */
public record OrganisationForm(
        @NotBlank(message = "{organisation.name.required}")
        @Size(max = 200, message = "{organisation.name.size}")
        @PlainName("The name")
        String name,
        @Size(max = 200, message = "{organisation.industry.size}")
        String industry,
        @Size(max = 500, message = "{organisation.contact.size}")
        String contact,
        @Size(max = 4000, message = "{organisation.notes.size}")
        String notes,
        @Min(value = 1, message = "{organisation.reassessMonths.range}")
        @Max(value = 36, message = "{organisation.reassessMonths.range}")
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
