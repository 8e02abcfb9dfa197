package dev.mpem.portal.report;

import java.util.List;

import dev.mpem.portal.model.Category;

public record CategoryGap(Category category, Averages averages, List<DimensionGap> dimensions) {
}
