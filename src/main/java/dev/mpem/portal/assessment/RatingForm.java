package dev.mpem.portal.assessment;

import org.springframework.validation.BindingResult;

import dev.mpem.portal.shared.Text;

/**
 * A walk step as posted by the browser. Everything stays text until checked, so that whatever was
 * typed or tampered with comes back to the page as it was.
 */
record RatingForm(String current, String target, String notes, String version) {

    RatingForm {
        current = Text.singleLine(current);
        target = Text.singleLine(target);
        notes = Text.multiLine(notes);
        version = Text.singleLine(version);
    }

    static RatingForm of(RatingView rating) {
        return new RatingForm(text(rating.current()), text(rating.target()), rating.notes(), text(rating.version()));
    }

    /** The same entry on top of a newer stored version: what a deliberate second save sends. */
    RatingForm withVersion(Long newVersion) {
        return new RatingForm(current, target, notes, text(newVersion));
    }

    /** The command to save, or null when a field is not even a number (its error is then on the form). */
    RatingCommand toCommand(BindingResult result, String actor) {
        Integer currentLevel = level("current", current, result);
        Integer targetLevel = level("target", target, result);
        Long expectedVersion = null;
        if (version != null) {
            try {
                expectedVersion = Long.valueOf(version);
            }
            catch (NumberFormatException e) {
                result.reject("version", "This page was sent with a damaged version marker. Reload the step and"
                        + " enter the rating again.");
            }
        }
        return result.hasErrors() ? null
                : new RatingCommand(currentLevel, targetLevel, notes, expectedVersion, false, actor);
    }

    private static Integer level(String field, String value, BindingResult result) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        }
        catch (NumberFormatException e) {
            result.rejectValue(field, "level", "Choose a level from 1 (Basic) to 5 (Leader); \u201c" + value
                    + "\u201d is not a level.");
            return null;
        }
    }

    private static String text(Number number) {
        return number == null ? null : number.toString();
    }
}
