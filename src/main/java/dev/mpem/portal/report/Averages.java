package dev.mpem.portal.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Average current and target level over the rated dimensions of a group, each rounded to one
 * decimal (half up), and the gap between those two rounded figures, so that every row of a report
 * adds up as printed. All three are null when nothing in the group is rated.
 */
public record Averages(BigDecimal current, BigDecimal target, BigDecimal gap, int rated, int total) {

    static Averages of(List<DimensionGap> dimensions) {
        List<DimensionGap> rated = dimensions.stream().filter(DimensionGap::rated).toList();
        if (rated.isEmpty()) {
            return new Averages(null, null, null, 0, dimensions.size());
        }
        int currentSum = rated.stream().mapToInt(DimensionGap::current).sum();
        int targetSum = rated.stream().mapToInt(DimensionGap::target).sum();
        BigDecimal current = mean(currentSum, rated.size());
        BigDecimal target = mean(targetSum, rated.size());
        return new Averages(current, target, target.subtract(current), rated.size(), dimensions.size());
    }

    private static BigDecimal mean(int sum, int count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    public boolean anyRated() {
        return rated > 0;
    }
}
