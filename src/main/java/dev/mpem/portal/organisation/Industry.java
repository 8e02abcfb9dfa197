package dev.mpem.portal.organisation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The industry an organisation is in, from a fixed list whose codes never change (benchmarks compare
 * organisations of one industry, integrations send the codes). Anything else is {@link #OTHER}, with
 * the words kept beside it.
 */
public enum Industry {

    RETAIL("Retail"),
    CONSUMER_GOODS("Consumer goods"),
    FINANCIAL_SERVICES("Financial services"),
    INSURANCE("Insurance"),
    HEALTHCARE("Healthcare"),
    TELECOM_MEDIA("Telecom and media"),
    TECHNOLOGY("Technology"),
    TRAVEL_HOSPITALITY("Travel and hospitality"),
    MANUFACTURING("Manufacturing"),
    ENERGY_UTILITIES("Energy and utilities"),
    PUBLIC_SECTOR("Public sector"),
    EDUCATION("Education"),
    OTHER("Other");

    private static final Map<String, Industry> BY_KEY = new HashMap<>();

    static {
        for (Industry industry : values()) {
            BY_KEY.put(key(industry.name()), industry);
            BY_KEY.put(key(industry.label), industry);
        }
    }

    private final String label;

    Industry(String label) {
        this.label = label;
    }

    /** The English name, as the organisation form lists it. */
    public String label() {
        return label;
    }

    /** How a reader names an organisation's industry: the words typed for OTHER, else the name; null when none. */
    public static String label(Industry industry, String other) {
        return industry == OTHER && other != null ? other : industry == null ? null : industry.label();
    }

    /** The code ({@link #name()}), for templates. */
    public String code() {
        return name();
    }

    /**
     * The industry a code or English name stands for, whatever its case, spaces, underscores, hyphens
     * and ampersands ("Retail", "retail", "FINANCIAL_SERVICES", "Telecom & media"); empty for
     * anything else. V13__industry_codes.sql maps stored text by the same rule.
     */
    public static Optional<Industry> of(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(text)));
    }

    /** Upper case without spaces, underscores, hyphens or ampersands. */
    static String key(String text) {
        return text.strip().replace(" ", "").replace("_", "").replace("-", "").replace("&", "")
                .toUpperCase(Locale.ROOT);
    }

    /**
     * What an organisation's industry becomes from what was sent: a known industry (the other words
     * dropped unless it is OTHER); unknown words become OTHER with the words kept; nothing stays nothing,
     * unless other words were given alone.
     */
    record Choice(Industry industry, String other) {

        static Choice of(String industry, String other) {
            boolean given = industry != null && !industry.isBlank();
            boolean otherGiven = other != null && !other.isBlank();
            if (!given) {
                return otherGiven ? new Choice(OTHER, other) : new Choice(null, null);
            }
            return Industry.of(industry).map(known -> new Choice(known, known == OTHER && otherGiven ? other : null))
                    .orElseGet(() -> new Choice(OTHER, industry));
        }

        String code() {
            return industry == null ? null : industry.name();
        }
    }
}
