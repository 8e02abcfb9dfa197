package dev.mpem.portal.model;

import java.util.List;

/**
 * A dimension of the model with its "what's included" text and the paper's descriptor for each
 * level, {@code descriptors.get(0)} being level 1.
 */
public record Dimension(String code, int position, String name, String categoryCode, String categoryName,
        String description, List<String> descriptors) {

    public Dimension {
        descriptors = List.copyOf(descriptors);
    }

    public String descriptor(int level) {
        return descriptors.get(level - 1);
    }
}
