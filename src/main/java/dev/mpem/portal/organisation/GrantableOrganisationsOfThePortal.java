package dev.mpem.portal.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.account.GrantableOrganisations;

/** Every organisation, whoever asks (granting access is admin work): no access check. */
@Component
@Transactional(readOnly = true)
class GrantableOrganisationsOfThePortal implements GrantableOrganisations {

    private final OrganisationRepository repository;

    GrantableOrganisationsOfThePortal(OrganisationRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Choice> all() {
        return repository.findAll(Sort.by("nameKey")).stream().map(o -> new Choice(o.id(), o.view().name())).toList();
    }

    @Override
    public Map<Long, String> namesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllById(ids).stream().collect(Collectors.toMap(Organisation::id, o -> o.view().name()));
    }
}
