package dev.mpem.portal.shared;

import java.io.IOException;

/** A request body that grew past its limit while it was being read (a chunked body has no length up front). */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
