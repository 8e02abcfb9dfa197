package dev.mpem.portal.share;

/** The link existed but can no longer be used: it was revoked, or it expired. */
public class ShareGoneException extends RuntimeException {

    private final ShareView link;
    private final boolean revoked;

    ShareGoneException(ShareView link, boolean revoked) {
        super(revoked ? "This link was revoked." : "This link has expired.");
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
