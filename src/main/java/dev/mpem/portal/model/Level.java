package dev.mpem.portal.model;

import java.util.Arrays;
import java.util.List;

/** One of the five effectiveness levels with its narrative (sections 5.1-5.5 of the paper). */
public record Level(int number, String name, String narrative) {

    /** "2 Foundational": how reports name a level. */
    public String label() {
        return number + " " + name;
    }

    /** The narrative's paragraphs as the paper breaks them. */
    public List<String> paragraphs() {
        return Arrays.stream(narrative.split("\\n\\s*\\n")).map(String::strip).toList();
    }
}
