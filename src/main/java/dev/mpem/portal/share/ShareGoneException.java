package dev.mpem.portal.share;

import dev.mpem.portal.shared.Words;

/** The link existed but can no longer be used: it was revoked, or it expired. */
public class ShareGoneException extends RuntimeException {

    private final ShareView link;
    private final boolean revoked;

    ShareGoneException(ShareView link, boolean revoked) {
        super(Words.say(revoked ? "share.gone.revoked.message" : "share.gone.expired.message"));
        this.link = link;
        this.revoked = revoked;
    }

    public ShareView link() {
        return link;
    }

    public boolean revoked() {
        return revoked;
    }
}
