package dev.mpem.portal.action;

import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Words;

public class ActionNotFoundException extends NotFoundException {

    ActionNotFoundException(long id) {
        super(Words.say("action.notFound", id), "actionId");
    }
}
