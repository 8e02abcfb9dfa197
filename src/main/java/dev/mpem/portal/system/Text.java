package dev.mpem.portal.system;

/** Normalises what people type, before it is validated and stored. */
public final class Text {

    private Text() {
    }

    /** Trimmed, or null when nothing but white space was typed. */
    public static String singleLine(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Line breaks as one character each (browsers send CR LF, which would count twice against a
     * length limit the browser itself counts once), outer white space trimmed, null when blank.
     */
    public static String multiLine(String value) {
        if (value == null) {
            return null;
        }
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        return normalised.isEmpty() ? null : normalised;
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
