package dev.mpem.portal.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.system.InvalidInputException;

@Service
@Transactional(readOnly = true)
public class OrganisationService {

    private final OrganisationRepository repository;
    private final Clock clock;

    OrganisationService(OrganisationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public OrganisationView get(long id) {
        return find(id).view();
    }

    public Optional<OrganisationView> findById(long id) {
        return repository.findById(id).map(Organisation::view);
    }

    public Page<OrganisationView> list(String search, Pageable pageable) {
        String part = search == null ? "" : Organisation.keyOf(search);
        Page<Organisation> page = part.isEmpty() ? repository.findAll(pageable)
                : repository.findByNameKeyContaining(part, pageable);
        return page.map(Organisation::view);
    }

    public List<OrganisationView> all() {
        return repository.findAll(org.springframework.data.domain.Sort.by("nameKey")).stream()
                .map(Organisation::view).toList();
    }

    @Transactional
    public OrganisationView create(OrganisationForm form) {
        ensureNameFree(form.name(), null);
        Organisation organisation = new Organisation(form, clock.instant());
        return saveUnique(organisation, form).view();
    }

    /**
     * Updates an organisation's details. {@code expectedVersion} is the version the form was opened
     * at; null skips the check (API clients that do not send one).
     */
    @Transactional
    public OrganisationView update(long id, OrganisationForm form, Long expectedVersion) {
        Organisation organisation = find(id);
        if (expectedVersion != null && expectedVersion != organisation.version()) {
            throw new StaleOrganisationException(organisation.view());
        }
        ensureNameFree(form.name(), id);
        organisation.update(form, clock.instant());
        return saveUnique(organisation, form).view();
    }

    private Organisation saveUnique(Organisation organisation, OrganisationForm form) {
        try {
            return repository.saveAndFlush(organisation);
        }
        catch (DataIntegrityViolationException e) {
            // Another request took the name between the check and the insert.
            throw nameTaken(form.name());
        }
    }

    private void ensureNameFree(String name, Long ownId) {
        repository.findByNameKey(Organisation.keyOf(name))
                .filter(other -> !other.id().equals(ownId))
                .ifPresent(other -> {
                    throw nameTaken(name);
                });
    }

    private static InvalidInputException nameTaken(String name) {
        return new InvalidInputException("name",
                "An organisation named \u201c" + name + "\u201d already exists. Choose another name.", name);
    }

    private Organisation find(long id) {
        return repository.findById(id).orElseThrow(() -> new OrganisationNotFoundException(id));
    }
}
