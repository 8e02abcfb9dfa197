package dev.mpem.portal.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Colleague;
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Phrase;
import dev.mpem.portal.shared.Words;

/**
 * Who looks after an organisation: consultants and admins chosen on its page (at first whoever
 * created it). They get its reminders, with its contact e-mail.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationConsultants {

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final OrganisationService organisations;
    private final ApplicationEventPublisher events;

    OrganisationConsultants(JdbcClient jdbc, AccountService accounts, CurrentUser currentUser,
            OrganisationService organisations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.events = events;
    }

    /** A consultant or admin who may look after an organisation, and whether they do. */
    public record Consultant(long id, String name, boolean assigned) {
    }

    /**
     * Everyone who may look after the organisation (enabled consultants and admins, by name), marked
     * when they do. Someone assigned who was disabled or made an executive since is not listed (and
     * gets no reminders); saving the page drops them.
     */
    public List<Consultant> of(long organisationId) {
        Set<Long> assigned = assigned(organisationId);
        return accounts.colleagues().stream()
                .map(colleague -> new Consultant(colleague.id(), colleague.displayName(), assigned.contains(colleague.id())))
                .toList();
    }

    private Set<Long> assigned(long organisationId) {
        return new TreeSet<>(jdbc.sql("select user_id from organisation_consultants where organisation_id = ?")
                .param(organisationId).query(Long.class).list());
    }

    /** The organisation is looked after by these accounts (consultants or admins) from now on. */
    @Transactional
    public List<Consultant> assign(long organisationId, Collection<Long> userIds) {
        organisations.get(organisationId);
        Set<Long> chosen = new TreeSet<>(userIds == null ? List.of() : userIds);
        List<Colleague> colleagues = accounts.colleagues();
        List<Long> refused = chosen.stream().filter(id -> colleagues.stream().noneMatch(c -> c.id() == id)).toList();
        if (!refused.isEmpty()) {
            throw new InvalidInputException("consultants", Words.say("organisation.consultants.unknown"), refused);
        }
        Set<Long> before = assigned(organisationId);
        if (before.equals(chosen)) {
            return of(organisationId);
        }
        jdbc.sql("delete from organisation_consultants where organisation_id = ?").param(organisationId).update();
        for (Long userId : chosen) {
            jdbc.sql("insert into organisation_consultants (organisation_id, user_id) values (?, ?)")
                    .param(organisationId).param(userId).update();
        }
        List<String> names = colleagues.stream().filter(c -> chosen.contains(c.id())).map(Colleague::displayName).toList();
        events.publishEvent(new OrganisationEvents.OrganisationChanged(organisationId, List.of(names.isEmpty()
                ? Phrase.of("audit.change.consultants.none") : Phrase.of("audit.change.consultants",
                        String.join(", ", names)))));
        return of(organisationId);
    }

    /** Whoever creates an organisation looks after it, if they are a consultant or an admin. */
    @EventListener
    @Transactional
    public void onCreated(OrganisationEvents.OrganisationCreated created) {
        accounts.find(currentUser.username()).filter(user -> user.role() != Role.EXECUTIVE)
                .ifPresent(user -> jdbc.sql("insert into organisation_consultants (organisation_id, user_id) values (?, ?)")
                        .param(created.organisationId()).param(user.id()).update());
    }
}
