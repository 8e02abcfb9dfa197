package dev.mpem.portal.action;

import java.util.List;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;

/** What happens to action plans, published for whoever records it (the audit trail). */
public final class ActionEvents {

    private ActionEvents() {
    }

    public record ActionCreated(Long organisationId, Long assessmentId, String dimension, String title)
            implements Audited {
        public String action() { return "ACTION_CREATED"; }
        public Phrase details() { return Phrase.of("audit.ACTION_CREATED", title, dimension); }
    }

    /** {@code fields}: which fields besides the status changed (names of the form's fields). */
    public record ActionChanged(Long organisationId, Long assessmentId, String dimension, String title,
            ActionStatus before, ActionStatus after, List<String> fields) implements Audited {
        public String action() { return "ACTION_CHANGED"; }
        public Phrase details() {
            Object status = before == after ? Phrase.of("audit.ACTION_CHANGED.sameStatus", Phrase.of("action.status." + after))
                    : Phrase.of("audit.ACTION_CHANGED.status", Phrase.of("action.status." + before), Phrase.of("action.status." + after));
            Object changed = fields.isEmpty() ? Phrase.of("audit.empty")
                    : fields.stream().map(field -> (Object) Phrase.of("action.field." + field)).toList();
            return Phrase.of("audit.ACTION_CHANGED", title, dimension, status, changed);
        }
    }

    public record ActionDeleted(Long organisationId, Long assessmentId, String dimension, String title)
            implements Audited {
        public String action() { return "ACTION_DELETED"; }
        public Phrase details() { return Phrase.of("audit.ACTION_DELETED", title, dimension); }
    }

    /** Open items of the plan before carried into a re-assessment. */
    public record ActionsCarried(Long organisationId, Long assessmentId, int count, String previousTitle)
            implements Audited {
        public String action() { return "ACTIONS_CARRIED"; }
        public Phrase details() { return Phrase.of("audit.ACTIONS_CARRIED", count, previousTitle); }
    }

    public record SuggestionDismissed(Long organisationId, Long assessmentId, String dimension, String level)
            implements Audited {
        public String action() { return "SUGGESTION_DISMISSED"; }
        public Phrase details() { return Phrase.of("audit.SUGGESTION_DISMISSED", dimension, level); }
    }
}
