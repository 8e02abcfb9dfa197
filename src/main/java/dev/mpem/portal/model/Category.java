package dev.mpem.portal.model;

import java.util.List;

public record Category(String code, String name, String shortName, List<Dimension> dimensions) {

    public Category {
        dimensions = List.copyOf(dimensions);
    }

    public List<String> dimensionCodes() {
        return dimensions.stream().map(Dimension::code).toList();
    }
}
