package dev.mpem.portal.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The organisations an executive can be granted, as accounts need to know them: implemented by the
 * organisation module (which depends on accounts, not the other way round).
 */
public interface GrantableOrganisations {

    /** Every organisation, by name. */
    List<Choice> all();

    /** The names of those of {@code ids} that exist, by id. */
    Map<Long, String> namesOf(Collection<Long> ids);

    record Choice(long id, String name) {
    }
}
