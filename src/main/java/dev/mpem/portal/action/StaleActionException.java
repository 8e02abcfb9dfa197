package dev.mpem.portal.action;

import java.util.Map;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

/** An item was saved from a version that is no longer the stored one; {@link #stored()} is what is stored now. */
public class StaleActionException extends ConflictException {

    private final ActionView stored;

    StaleActionException(ActionView stored) {
        super("STALE_ACTION", "version", Words.say("action.stale"));
        this.stored = stored;
    }

    public ActionView stored() {
        return stored;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("stored", stored);
    }
}
