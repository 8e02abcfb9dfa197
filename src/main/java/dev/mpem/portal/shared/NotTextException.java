package dev.mpem.portal.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON string value holding a character that is not text (see {@link Text#firstNonText}). */
public final class NotTextException extends InvalidFormatException {

    private final int character;

    public NotTextException(JsonParser parser, String value, int character) {
        super(parser, "The text contains " + Text.codePoint(character) + ", which is not printable text", value,
                String.class);
        this.character = character;
    }

    public int character() {
        return character;
    }

    /** What is wrong, for a person: {@code where} is e.g. "'notes'" or "The file". */
    public String explain(String where) {
        return Words.say("text.notPrintable", where, Text.codePoint(character));
    }
}
