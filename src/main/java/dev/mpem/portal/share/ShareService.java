package dev.mpem.portal.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Secrets;
import dev.mpem.portal.shared.Words;

/**
 * Read-only links to a report. A token is 256 random bits; the link is shown once, when it is
 * made, and only its hash is kept.
 */
@Service
@Transactional(readOnly = true)
public class ShareService {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;

    private final ShareLinkRepository links;
    private final AssessmentService assessments;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    ShareService(ShareLinkRepository links, AssessmentService assessments, ApplicationEventPublisher events, CurrentUser currentUser,
            Clock clock) {
        this.links = links;
        this.assessments = assessments;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A new link to the assessment's report, valid for {@code days} days (default 30). */
    @Transactional
    public CreatedShare create(long assessmentId, Integer days) {
        AssessmentView assessment = assessments.get(assessmentId);
        int validity = days == null ? DEFAULT_DAYS : days;
        if (validity < 1 || validity > MAX_DAYS) {
            throw new InvalidInputException("expiresInDays", Words.say("share.days.range", MAX_DAYS), days);
        }
        String token = Secrets.newToken();
        Instant now = clock.instant();
        ShareLink link = links.saveAndFlush(new ShareLink(assessmentId, hash(token), token.substring(0, 6),
                currentUser.username(), now, now.plus(Duration.ofDays(validity))));
        events.publishEvent(new ShareEvents.ShareLinkCreated(assessment.organisationId(), assessmentId,
                token.substring(0, 6), validity, link.view().expiresAt()));
        return new CreatedShare(link.view(), token);
    }

    public List<ShareView> of(long assessmentId) {
        assessments.get(assessmentId);
        return links.findByAssessmentIdOrderByCreatedAtDesc(assessmentId).stream().map(ShareLink::view).toList();
    }

    @Transactional
    public void revoke(long assessmentId, long shareId) {
        AssessmentView assessment = assessments.get(assessmentId);
        ShareLink link = links.findById(shareId).filter(l -> l.assessmentId() == assessmentId)
                .orElseThrow(() -> new ShareNotFoundException());
        if (!link.view().revoked()) {
            link.revoke(currentUser.username(), clock.instant());
            events.publishEvent(new ShareEvents.ShareLinkRevoked(assessment.organisationId(), assessmentId,
                    link.view().tokenHint()));
        }
    }

    /**
     * The link a token opens, counting the use; refused when the token is unknown (404), or the
     * link is revoked or expired (410).
     */
    @Transactional
    public ShareView use(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new ShareNotFoundException();
        }
        ShareView link = links.findByTokenHash(hash(token)).map(ShareLink::view)
                .orElseThrow(ShareNotFoundException::new);
        Instant now = clock.instant();
        if (link.revoked()) {
            throw new ShareGoneException(link, true);
        }
        if (link.expiredAt(now)) {
            throw new ShareGoneException(link, false);
        }
        links.countUse(link.id(), now);
        return link;
    }

    static String hash(String token) {
        return Secrets.hash(token);
    }

    public record CreatedShare(ShareView link, String token) {
    }
}
