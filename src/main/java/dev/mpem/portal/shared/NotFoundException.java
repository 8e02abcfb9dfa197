package dev.mpem.portal.shared;

/**
 * A record the request names does not exist (or the user may not know that it exists). Pages
 * answer with the 404 page, the API with a 404 JSON body; the message is safe to show.
 */
public abstract class NotFoundException extends RuntimeException {

    private final String field;

    protected NotFoundException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The request field or path variable that named the missing record. */
    public String field() {
        return field;
    }
}
