package dev.mpem.portal.share;

import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Words;

public class ShareNotFoundException extends NotFoundException {

    ShareNotFoundException() {
        super(Words.say("share.invalid"), "token");
    }
}
