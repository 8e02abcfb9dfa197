package dev.mpem.portal.model;

import java.util.List;

/**
 * A row of Table 2: a business outcome, its personalization scenarios in order of increasing
 * complexity and its key influential dimensions. {@code name} is null where the paper leaves the
 * outcome blank; {@code note} then says so.
 */
public record Outcome(String code, int position, String name, String note, List<String> scenarios,
        List<DimensionLink> dimensions) {

    public Outcome {
        scenarios = List.copyOf(scenarios);
        dimensions = List.copyOf(dimensions);
    }

    public boolean named() {
        return name != null;
    }

    /** The outcome's name, or for the row the paper leaves unnamed, which row it is. */
    public String label() {
        return named() ? name : "Table 2, row " + position + " (outcome not named in the paper)";
    }

    public List<String> dimensionCodes() {
        return dimensions.stream().map(DimensionLink::dimensionCode).toList();
    }

    public boolean influencedBy(String dimensionCode) {
        return dimensions.stream().anyMatch(link -> link.dimensionCode().equals(dimensionCode));
    }

    /**
     * A key influential dimension as the paper names it ({@code paperLabel}, e.g. "Reach") and the
     * dimension it means.
     */
    public record DimensionLink(String dimensionCode, String dimensionName, String paperLabel) {

        public boolean labelDiffersFromName() {
            return !paperLabel.equalsIgnoreCase(dimensionName);
        }
    }
}
