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
}
