package dev.mpem.portal.action;

import java.util.Map;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

/** An item carried into a later assessment is read-only: its continuation is worked on instead. */
public class ActionCarriedException extends ConflictException {

    private final ActionView stored;

    ActionCarriedException(ActionView stored) {
        super("ACTION_CARRIED", null, Words.say("action.carried"));
        this.stored = stored;
    }

    public ActionView stored() {
        return stored;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("carriedTo", stored.carriedTo());
    }
}
