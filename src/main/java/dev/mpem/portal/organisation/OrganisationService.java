package dev.mpem.portal.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.account.OrganisationAccess;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Phrase;
import dev.mpem.portal.shared.Words;

@Service
@Transactional(readOnly = true)
public class OrganisationService {

    private final OrganisationRepository repository;
    private final OrganisationAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationService(OrganisationRepository repository, OrganisationAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The organisation, if the current user may see it; otherwise it is "not found". */
    public OrganisationView get(long id) {
        return find(id).view();
    }

    /** The organisation whoever asks (for admin work such as granting access); no access check. */
    public Optional<OrganisationView> findById(long id) {
        return repository.findById(id).map(Organisation::view);
    }

    /**
     * The organisations the current user may see, a page at a time, optionally filtered by name:
     * overdue and soon-due (within 30 days) first, earliest due first, then the rest by name.
     */
    public Page<OrganisationView> dashboard(String search, int page, int size) {
        String part = search == null ? "" : Organisation.keyOf(search);
        Optional<Set<Long>> only = access.restriction();
        if (only.isPresent() && only.get().isEmpty()) {
            return Page.empty(PageRequest.of(page, size));
        }
        LocalDate soon = LocalDate.now(clock).plusDays(30);
        if (only.isEmpty() && part.isEmpty()) {
            return repository.dashboardOfAll(soon, PageRequest.of(page, size)).map(Organisation::view);
        }
        return repository.dashboard(only.isEmpty(), only.orElse(Set.of(-1L)), part, soon, PageRequest.of(page, size))
                .map(Organisation::view);
    }

    /**
     * The organisation's version, which changes with every change of its details (0 when there is
     * none): one query on every report view, so it opens no transaction of its own.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public long version(long id) {
        return repository.versionOf(id).orElse(0L);
    }

    /** Keeps the due date in step when an assessment of the organisation is completed or reopened. */
    @Transactional
    public void latestCompletedChanged(long id, LocalDate latestCompletedOn) {
        repository.findById(id).orElseThrow(() -> new OrganisationNotFoundException(id))
                .latestCompletedOn(latestCompletedOn);
    }

    /** Every organisation the current user may see, by name. */
    public List<OrganisationView> all() {
        Optional<Set<Long>> only = access.restriction();
        return repository.findAll(Sort.by("nameKey")).stream()
                .filter(organisation -> only.map(ids -> ids.contains(organisation.id())).orElse(true))
                .map(Organisation::view).toList();
    }

    @Transactional
    public OrganisationView create(OrganisationForm form) {
        ensureNameFree(form.name(), null);
        Organisation organisation = saveUnique(new Organisation(form, clock.instant()), form);
        events.publishEvent(new OrganisationEvents.OrganisationCreated(organisation.id(), form.name()));
        return organisation.view();
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
        OrganisationView before = organisation.view();
        organisation.update(form, clock.instant());
        OrganisationView after = saveUnique(organisation, form).view();
        events.publishEvent(new OrganisationEvents.OrganisationChanged(id, changes(before, after)));
        return after;
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
                Words.say("organisation.name.taken", name), name);
    }

    private static List<Phrase> changes(OrganisationView before, OrganisationView after) {
        List<Phrase> changed = new java.util.ArrayList<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "industry", before.industryLabel(), after.industryLabel());
        compare(changed, "contact", before.contact(), after.contact());
        compare(changed, "contactEmail", before.contactEmail(), after.contactEmail());
        if (before.reassessMonths() != after.reassessMonths()) {
            changed.add(Phrase.of("audit.change.reassessMonths", before.reassessMonths(), after.reassessMonths()));
        }
        if (!java.util.Objects.equals(before.notes(), after.notes())) {
            changed.add(Phrase.of("audit.change.notes"));
        }
        return changed;
    }

    private static void compare(List<Phrase> changed, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(Phrase.of("audit.change", Phrase.of("audit.field." + field), before == null ? "" : before,
                    after == null ? "" : after));
        }
    }

    private Organisation find(long id) {
        return repository.findById(id).filter(organisation -> access.canSee(organisation.id()))
                .orElseThrow(() -> new OrganisationNotFoundException(id));
    }
}
