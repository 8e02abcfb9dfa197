package dev.mpem.portal.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole model as one immutable read model: levels, categories, dimensions and the business
 * outcomes of Table 2, each list in the paper's order.
 */
public final class Mpem {

    public static final int MIN_LEVEL = dev.mpem.portal.shared.Level.MIN;
    public static final int MAX_LEVEL = dev.mpem.portal.shared.Level.MAX;

    private final List<Level> levels;
    private final List<Category> categories;
    private final List<Dimension> dimensions;
    private final List<Outcome> outcomes;
    private final Map<String, Dimension> dimensionsByCode;
    private final Map<String, Outcome> outcomesByCode;

    Mpem(List<Level> levels, List<Category> categories, List<Outcome> outcomes) {
        this.levels = List.copyOf(levels);
        this.categories = List.copyOf(categories);
        this.dimensions = categories.stream().flatMap(category -> category.dimensions().stream()).toList();
        this.outcomes = List.copyOf(outcomes);
        this.dimensionsByCode = index(dimensions, Dimension::code);
        this.outcomesByCode = index(outcomes, Outcome::code);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> code) {
        return items.stream().collect(Collectors.toMap(code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public List<Level> levels() {
        return levels;
    }

    public List<Category> categories() {
        return categories;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public Level level(int number) {
        if (!dev.mpem.portal.shared.Level.Validator.isLevel(number)) {
            throw new IllegalArgumentException("No level " + number);
        }
        return levels.get(number - 1);
    }

    public Optional<Dimension> findDimension(String code) {
        return Optional.ofNullable(code).map(dimensionsByCode::get);
    }

    public Dimension dimension(String code) {
        return findDimension(code).orElseThrow(() -> new IllegalArgumentException("No dimension " + code));
    }

    public Optional<Outcome> findOutcome(String code) {
        return Optional.ofNullable(code).map(outcomesByCode::get);
    }

    public Outcome outcome(String code) {
        return findOutcome(code).orElseThrow(() -> new IllegalArgumentException("No outcome " + code));
    }

    public Category category(String code) {
        return categories.stream().filter(category -> category.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No category " + code));
    }
}
