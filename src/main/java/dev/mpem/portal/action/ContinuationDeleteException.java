package dev.mpem.portal.action;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

/** A continuation of an earlier plan's item is not deleted: that would cut the chain the comparison follows. */
public class ContinuationDeleteException extends ConflictException {

    ContinuationDeleteException() {
        super("ACTION_CONTINUED", null, Words.say("action.continued"));
    }
}
