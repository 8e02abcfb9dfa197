package dev.mpem.portal.share;

import dev.mpem.portal.shared.NotFoundException;

public class ShareNotFoundException extends NotFoundException {

    ShareNotFoundException() {
        super("This link is not valid. Check that it was copied whole, or ask for a new one.", "token");
    }
}
