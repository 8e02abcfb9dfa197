package dev.mpem.portal.assessment;

import java.util.List;

import dev.mpem.portal.model.Category;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.Mpem;

/** Where a walk step sits: its number, its neighbours and the step list grouped by category. */
public record WalkStep(Dimension dimension, int number, int total, String previous, String next,
        List<CategorySteps> categories) {

    static WalkStep of(Mpem mpem, AssessmentView assessment, Dimension dimension) {
        List<Dimension> dimensions = mpem.dimensions();
        int index = dimensions.indexOf(dimension);
        String previous = index > 0 ? dimensions.get(index - 1).code() : null;
        String next = index < dimensions.size() - 1 ? dimensions.get(index + 1).code() : null;
        List<CategorySteps> categories = mpem.categories().stream()
                .map(category -> new CategorySteps(category, category.dimensions().stream()
                        .map(d -> new Step(d, dimensions.indexOf(d) + 1, assessment.rating(d.code()).rated(),
                                d.code().equals(dimension.code())))
                        .toList()))
                .toList();
        return new WalkStep(dimension, index + 1, dimensions.size(), previous, next, categories);
    }

    public boolean last() {
        return next == null;
    }

    public record CategorySteps(Category category, List<Step> steps) {
    }

    public record Step(Dimension dimension, int number, boolean rated, boolean current) {
    }
}
