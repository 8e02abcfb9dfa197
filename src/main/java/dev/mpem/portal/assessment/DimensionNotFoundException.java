package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Words;

public class DimensionNotFoundException extends NotFoundException {

    public DimensionNotFoundException(String code) {
        super(Words.say("dimension.notFound", code), "dimension");
    }
}
