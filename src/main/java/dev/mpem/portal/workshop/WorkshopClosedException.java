package dev.mpem.portal.workshop;

import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Words;

/** A closed (or unknown) workshop opens nothing: to anyone holding its code it is simply not there. */
public class WorkshopClosedException extends NotFoundException {

    WorkshopClosedException(Object codeOrId) {
        super(Words.say("workshop.code.invalid"), "joinCode");
    }
}
