package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.NotFoundException;

public class DimensionNotFoundException extends NotFoundException {

    public DimensionNotFoundException(String code) {
        super("The model has no dimension \u201c" + code + "\u201d.", "dimension");
    }
}
