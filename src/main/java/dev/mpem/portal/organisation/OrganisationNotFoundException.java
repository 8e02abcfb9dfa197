package dev.mpem.portal.organisation;

import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Words;

public class OrganisationNotFoundException extends NotFoundException {

    public OrganisationNotFoundException(Object id) {
        super(Words.say("organisation.notFound", id), "organisationId");
    }
}
