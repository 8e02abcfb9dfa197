package dev.mpem.portal.organisation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mpem.portal.shared.PlainName;
import dev.mpem.portal.shared.EmailAddress;
import dev.mpem.portal.shared.Text;

/**
 * What a consultant types about an organisation, on the page and in the API. {@code industry} is
 * read as {@link Industry#of} reads it: a code or an English name is that industry, any other words
 * are OTHER with the words in {@code industryOther}, so the form always holds a code (or nothing).
 */
public record OrganisationForm(
        @NotBlank(message = "{organisation.name.required}")
        @Size(max = 200, message = "{organisation.name.size}")
        @PlainName("The name")
        String name,
        String industry,
        @Size(max = 200, message = "{organisation.industry.size}")
        String industryOther,
        @Size(max = 500, message = "{organisation.contact.size}")
        String contact,
        @Pattern(regexp = "|" + EmailAddress.REGEXP, message = "{email.invalid}")
        @Size(max = EmailAddress.MAX, message = "{email.size}")
        String contactEmail,
        @Size(max = 4000, message = "{organisation.notes.size}")
        String notes,
        @Min(value = 1, message = "{organisation.reassessMonths.range}")
        @Max(value = 36, message = "{organisation.reassessMonths.range}")
        Integer reassessMonths) {

    public OrganisationForm {
        name = Text.singleLine(name);
        Industry.Choice choice = Industry.Choice.of(Text.singleLine(industry), Text.singleLine(industryOther));
        industry = choice.code();
        industryOther = choice.other();
        contact = Text.singleLine(contact);
        // Blank is "no contact e-mail" (""); null is "not sent" (an API client from before the field
        // existed), which an update reads as "keep the stored one".
        contactEmail = contactEmail == null ? null : java.util.Objects.requireNonNullElse(Text.singleLine(contactEmail), "");
        notes = Text.multiLine(notes);
    }

    /** Without a contact e-mail. */
    public OrganisationForm(String name, String industry, String industryOther, String contact, String notes,
            Integer reassessMonths) {
        this(name, industry, industryOther, contact, null, notes, reassessMonths);
    }

    public OrganisationForm(String name, String industry, String contact, String notes) {
        this(name, industry, null, contact, notes, null);
    }

    public OrganisationForm(String name, String industry, String contact, String notes, Integer reassessMonths) {
        this(name, industry, null, contact, notes, reassessMonths);
    }

    static OrganisationForm empty() {
        return new OrganisationForm(null, null, null, null, null, null, Organisation.DEFAULT_REASSESS_MONTHS);
    }

    static OrganisationForm of(OrganisationView organisation) {
        return new OrganisationForm(organisation.name(),
                organisation.industry() == null ? null : organisation.industry().name(), organisation.industryOther(),
                organisation.contact(), organisation.contactEmail(),
                organisation.notes(), organisation.reassessMonths());
    }
}
