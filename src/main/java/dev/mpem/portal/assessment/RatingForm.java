package dev.mpem.portal.assessment;

import org.springframework.validation.BindingResult;

import dev.mpem.portal.shared.FormErrors;
import dev.mpem.portal.shared.Text;

/**
 * A walk step as posted by the browser. Levels and the version are bound as numbers: what is not
 * even a number is refused by binding ({@code typeMismatch.*} in messages.properties) and the page
 * comes back with the notes as they were typed.
 */
record RatingForm(Integer current, Integer target, String notes, Long version) {

    RatingForm {
        notes = Text.multiLine(notes);
    }

    static RatingForm of(RatingView rating) {
        return new RatingForm(rating.current(), rating.target(), rating.notes(), rating.version());
    }

    /** What was typed when binding refused a field: the other fields as they were bound. */
    static RatingForm of(BindingResult result) {
        return new RatingForm(FormErrors.bound(result, "current", Integer.class),
                FormErrors.bound(result, "target", Integer.class), FormErrors.bound(result, "notes", String.class),
                FormErrors.bound(result, "version", Long.class));
    }

    /** The same entry on top of a newer stored version: what a deliberate second save sends. */
    RatingForm withVersion(Long newVersion) {
        return new RatingForm(current, target, notes, newVersion);
    }

    RatingCommand toCommand(String actor) {
        return new RatingCommand(current, target, notes, version, false, actor);
    }
}
