package dev.mpem.portal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The model's structure (codes, order, categories, Table 2 links) without a database, for plain
 * unit tests of calculations. Descriptor and narrative texts are placeholders: tests that check
 * the paper's words read them from the migrations instead.
 */
public final class TestModel {

    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();
    private static final Map<String, List<String>> OUTCOMES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("FUNCTIONAL", List.of("EXTENT", "CHANNEL_REACH", "ACCURACY_AND_LEARNABILITY", "SCOPE"));
        CATEGORIES.put("ORGANIZATIONAL", List.of("STRATEGY", "TECHNOLOGY", "MEASUREMENT", "SECURITY_AND_PRIVACY",
                "FINANCIAL_EFFECTIVENESS"));
        CATEGORIES.put("PEOPLE", List.of("EXPERTISE", "CULTURE"));
        OUTCOMES.put("WIDEN_REACH", List.of("CHANNEL_REACH", "EXTENT", "SCOPE", "STRATEGY"));
        OUTCOMES.put("SELL_MORE", List.of("EXTENT", "CHANNEL_REACH", "SCOPE", "STRATEGY"));
        OUTCOMES.put("REPEAT_SELL", List.of("EXTENT", "SCOPE", "CHANNEL_REACH", "TECHNOLOGY"));
        OUTCOMES.put("CONVERT_FASTER", List.of("SCOPE", "CHANNEL_REACH", "TECHNOLOGY", "STRATEGY"));
        OUTCOMES.put("INCREASE_SATISFACTION", List.of("EXTENT", "SCOPE", "ACCURACY_AND_LEARNABILITY", "EXPERTISE"));
        OUTCOMES.put("CREATE_DIFFERENTIATED_EXPERIENCES",
                List.of("STRATEGY", "EXPERTISE", "TECHNOLOGY", "ACCURACY_AND_LEARNABILITY"));
        OUTCOMES.put("UNNAMED_ROW_7", List.of("SCOPE", "TECHNOLOGY", "EXPERTISE", "ACCURACY_AND_LEARNABILITY"));
    }

    private static final Mpem MODEL = build();

    private TestModel() {
    }

    public static Mpem mpem() {
        return MODEL;
    }

    private static Mpem build() {
        List<String> levelNames = List.of("Basic", "Foundational", "Intermediate", "Mature", "Leader");
        List<Level> levels = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> new Level(n, levelNames.get(n - 1), "Narrative of level " + n)).toList();
        List<Category> categories = new ArrayList<>();
        int position = 0;
        for (var entry : CATEGORIES.entrySet()) {
            List<Dimension> dimensions = new ArrayList<>();
            for (String code : entry.getValue()) {
                position++;
                dimensions.add(new Dimension(code, position, name(code), entry.getKey(), name(entry.getKey()),
                        "What " + code + " includes",
                        IntStream.rangeClosed(1, 5).mapToObj(n -> code + " at level " + n).toList()));
            }
            categories.add(new Category(entry.getKey(), name(entry.getKey()), name(entry.getKey()), dimensions));
        }
        List<Outcome> outcomes = new ArrayList<>();
        int row = 0;
        for (var entry : OUTCOMES.entrySet()) {
            row++;
            outcomes.add(new Outcome(entry.getKey(), row, entry.getKey().startsWith("UNNAMED") ? null : name(entry.getKey()),
                    null, List.of("Scenario 1 of " + entry.getKey(), "Scenario 2 of " + entry.getKey()),
                    entry.getValue().stream().map(code -> new Outcome.DimensionLink(code, name(code), name(code))).toList()));
        }
        return new Mpem(levels, categories, outcomes);
    }

    private static String name(String code) {
        String words = code.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
