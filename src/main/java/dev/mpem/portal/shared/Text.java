package dev.mpem.portal.shared;

/** Normalises what people type, before it is validated and stored. */
public final class Text {

    private Text() {
    }

    /** Every kind of line break: CR LF, CR, LF, vertical tab, form feed, NEL, line and paragraph separators. */
    public static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile(
            "\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]");

    /**
     * One line: in composed form (NFC, so "Café" is one "Café" however it was typed), any line break
     * turned into a space (a name or title never spans lines, and a lone CR could smuggle a line into a
     * calendar file), trimmed; null when nothing but white space was typed.
     */
    public static String singleLine(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = LINE_BREAK.matcher(nfc(value)).replaceAll(" ").strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Line breaks as one LF each (browsers send CR LF, which would count twice against a length limit
     * the browser itself counts once), in composed form (NFC), outer white space trimmed, null when blank.
     */
    public static String multiLine(String value) {
        if (value == null) {
            return null;
        }
        String normalised = LINE_BREAK.matcher(nfc(value)).replaceAll("\n").strip();
        return normalised.isEmpty() ? null : normalised;
    }

    private static String nfc(String value) {
        return java.text.Normalizer.isNormalized(value, java.text.Normalizer.Form.NFC) ? value
                : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC);
    }

    /**
     * The key two names are compared on: compatibility-composed (NFKC), white space collapsed, case
     * folded; "Café", "CAFÉ" and "Cafe\u0301" are one name.
     */
    public static String nameKey(String name) {
        String composed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC);
        return composed.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The first character in a name that can disguise it, or -1: bidirectional controls (U+202E turns
     * "Acme\u202Eroc" into what reads as "Acmecor") and zero-width characters.
     */
    public static int firstDisguise(String name) {
        if (name == null) {
            return -1;
        }
        return name.codePoints().filter(Text::disguises).findFirst().orElse(-1);
    }

    private static boolean disguises(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x180E;
    }

    /** What is wrong with a name holding {@code character}, for a person. */
    public static String disguiseMessage(String what, int character) {
        return Words.say("text.disguise", what, codePoint(character));
    }

    /**
     * The first character of {@code value} that is not text people type, or -1 when there is none:
     * control characters other than tab and line breaks (PostgreSQL refuses NUL; XML, and with it
     * the PDF, refuses them all) and halves of a surrogate pair without the other half.
     */
    public static int firstNonText(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int codePoint = value.codePointAt(i);
            if (!isText(codePoint)) {
                return codePoint;
            }
        }
        return -1;
    }

    /**
     * {@code value} as a person meant it: vertical tabs and form feeds (which word processors put
     * into copied text for line and page breaks) become line breaks; every other character that is
     * not text is left out.
     */
    public static String clean(String value) {
        if (firstNonText(value) < 0) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == 0x0B || c == 0x0C) {
                text.append('\n');
            }
            else if (isText(c)) {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    private static boolean isText(int codePoint) {
        boolean control = codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
        boolean unpaired = codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint);
        return !control && !unpaired;
    }

    /** How a refused character is named in a message, e.g. "U+0000". */
    /** At most {@code max} characters of a value, for a message that quotes it ("…" marks a cut). */
    public static String abbreviate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 2 : max - 1) + "\u2026";
    }

    public static String codePoint(int character) {
        return String.format("U+%04X", character);
    }
}
