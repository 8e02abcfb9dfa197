package dev.mpem.portal.workshop;

import java.util.Map;

import dev.mpem.portal.shared.ConflictException;

/** The facilitator asked for something the workshop's state does not allow. */
class WorkshopNotOpenException extends ConflictException {

    private final Map<String, Object> details;

    WorkshopNotOpenException(String code, String message, Map<String, Object> details) {
        super(code, null, message);
        this.details = details;
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }
}
