package dev.mpem.portal.workshop;

import java.util.Map;

/**
 * Something the room should see at once: {@code type} is the name of the server-sent event
 * (joined, voted, revealed, agreed, moved, closed) and {@code data} what comes with it (counts, a
 * dimension code; never a vote before the reveal). Published inside the change's transaction and
 * sent once it has committed.
 */
record LiveSignal(long workshopId, String type, Map<String, Object> data) {

    static LiveSignal of(long workshopId, String type, Object... keysAndValues) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new LiveSignal(workshopId, type, data);
    }
}
