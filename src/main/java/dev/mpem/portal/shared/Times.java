package dev.mpem.portal.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as people read them: in the reader's time zone (their account setting, else the portal's
 * {@code portal.time-zone}, else the JVM's), with the zone named. Templates call it as {@code @times}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final ZoneId portalZone;

    public Times(@Value("${portal.time-zone:}") String configured) {
        this.portalZone = configured == null || configured.isBlank() ? ZoneId.systemDefault() : parse(configured);
    }

    private static ZoneId parse(String configured) {
        try {
            return ZoneId.of(configured.strip());
        }
        catch (DateTimeException e) {
            throw new IllegalStateException("portal.time-zone \u201c" + configured + "\u201d is not a time zone;"
                    + " use a name such as Europe/London or UTC.", e);
        }
    }

    /** The portal's own zone: for readers who chose none, for shared links and for the audit trail's texts. */
    public ZoneId portalZone() {
        return portalZone;
    }

    /** The zone of whoever is reading this page. */
    public ZoneId readerZone() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String chosen = authentication != null && authentication.getPrincipal() instanceof Reader reader
                ? reader.timeZone() : null;
        return zone(chosen).orElse(portalZone);
    }

    /** "2026-05-14 10:00 CEST": a moment in the reader's zone, named. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : format(instant, DATE_TIME, readerZone());
    }

    /** "2026-05-14 10:00:05 CEST", for the audit trail. */
    public String dateTimeSeconds(Instant instant) {
        return instant == null ? "" : format(instant, DATE_TIME_SECONDS, readerZone());
    }

    /** "2026-05-14": the reader's calendar day of a moment. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(readerZone()));
    }

    /** A moment in the portal's zone, named: for texts written once and read by anyone (the audit trail). */
    public String inPortalZone(Instant instant) {
        return format(instant, DATE_TIME, portalZone);
    }

    /** The reader's zone as a person says it: "Europe/Berlin (CET)". */
    public String readerZoneName() {
        ZoneId zone = readerZone();
        String shortName = ZONE_NAME.format(java.time.ZonedDateTime.now(zone));
        return shortName.equals(zone.getId()) ? zone.getId() : zone.getId() + " (" + shortName + ")";
    }

    private static String format(Instant instant, DateTimeFormatter pattern, ZoneId zone) {
        var at = instant.atZone(zone);
        // The short name follows summer time: CET in January, CEST in July; UTC stays UTC.
        return pattern.format(at) + " " + ZONE_NAME.format(at);
    }

    /** A zone id a person may choose; empty for anything else. */
    public static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Every zone a person can choose, by region name. */
    public static List<String> choosable() {
        return CHOOSABLE;
    }

    private static final List<String> CHOOSABLE = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).sorted())
            .toList();
}
