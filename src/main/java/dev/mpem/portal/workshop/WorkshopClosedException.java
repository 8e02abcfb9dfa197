package dev.mpem.portal.workshop;

import dev.mpem.portal.shared.NotFoundException;

/** A closed (or unknown) workshop opens nothing: to anyone holding its code it is simply not there. */
public class WorkshopClosedException extends NotFoundException {

    WorkshopClosedException(Object codeOrId) {
        super("This workshop is closed, or the code is not valid. Check the code on the screen, or ask the"
                + " facilitator.", "joinCode");
    }
}
