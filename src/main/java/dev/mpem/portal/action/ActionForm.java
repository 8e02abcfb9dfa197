package dev.mpem.portal.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mpem.portal.shared.Level;
import dev.mpem.portal.shared.Text;

/**
 * What a consultant types about an action item, on the page and in the API; checked by
 * {@link ActionService} (the annotations here, then what needs the model, the calendar or the
 * accounts). {@code dueOn} is ISO (YYYY-MM-DD), {@code status} a status's name; both kept as typed so
 * a bad value comes back as it was.
 */
public record ActionForm(
        String dimension,
        @NotBlank(message = "{action.title.required}")
        @Size(max = ActionForm.TITLE_MAX, message = "{action.title.size}")
        String title,
        @Size(max = ActionForm.DESCRIPTION_MAX, message = "{action.description.size}")
        String description,
        @Size(max = 200, message = "{action.owner.size}")
        String owner,
        @Size(max = 100, message = "{action.ownerAccount.size}")
        String ownerAccount,
        String dueOn,
        String status,
        @Level(message = "{action.targetLevel.invalid}")
        Integer targetLevel,
        Long version) {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;

    public ActionForm {
        dimension = blankToNull(Text.singleLine(dimension));
        title = Text.singleLine(title);
        description = blankToNull(Text.multiLine(description));
        owner = blankToNull(Text.singleLine(owner));
        ownerAccount = blankToNull(Text.singleLine(ownerAccount));
        dueOn = blankToNull(Text.singleLine(dueOn));
        status = blankToNull(Text.singleLine(status));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A new item for a dimension, planned, aiming at {@code targetLevel}. */
    static ActionForm planned(String dimension, String title, String description, Integer targetLevel) {
        return new ActionForm(dimension, title, description, null, null, null, ActionStatus.PLANNED.name(), targetLevel,
                null);
    }

    static ActionForm of(ActionView item) {
        return new ActionForm(item.dimension(), item.title(), item.description(), item.owner(), item.ownerAccount(),
                item.dueOn() == null ? null : item.dueOn().toString(), item.status().name(), item.targetLevel(),
                item.version());
    }

    ActionForm withVersion(Long version) {
        return new ActionForm(dimension, title, description, owner, ownerAccount, dueOn, status, targetLevel, version);
    }
}
