package dev.mpem.portal.shared;

import java.util.Map;

/**
 * The request is well formed but clashes with the stored state (a stale version, a completed
 * assessment, missing ratings). The message is safe to show; {@code code} names the clash for API
 * clients and {@code details} carries what they need to resolve it.
 */
public abstract class ConflictException extends RuntimeException {

    private final String code;
    private final String field;

    protected ConflictException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Extra members of the JSON error body. */
    public Map<String, Object> details() {
        return Map.of();
    }
}
