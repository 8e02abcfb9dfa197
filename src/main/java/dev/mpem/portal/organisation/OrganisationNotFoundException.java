package dev.mpem.portal.organisation;

import dev.mpem.portal.shared.NotFoundException;

public class OrganisationNotFoundException extends NotFoundException {

    public OrganisationNotFoundException(Object id) {
        super("There is no organisation " + id + ".", "organisationId");
    }
}
