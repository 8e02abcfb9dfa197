package dev.mpem.portal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.TestModel;
import dev.mpem.portal.organisation.Industry;

/** Which set a benchmark compares with, from what the database counted: the five-organisation rule. */
class BenchmarkRuleTests {

    static Benchmarks choose(List<PortfolioQueries.BenchmarkRow> rows) {
        ModelService models = mock(ModelService.class);
        when(models.model()).thenReturn(TestModel.mpem());
        return new PortfolioService(null, models, Clock.systemUTC(), null, null)
                .choose(rows, rows.isEmpty() ? Industry.RETAIL : rows.get(0).ownIndustry());
    }

    @Test
    void organisationsTheReaderCanSeeDoNotCountTowardsTheFive() {
        ModelService models = mock(ModelService.class);
        when(models.model()).thenReturn(TestModel.mpem());
        PortfolioService service = new PortfolioService(null, models, Clock.systemUTC(), null, null);
        List<PortfolioQueries.BenchmarkRow> rows = List.of(row(true, 6, 0.5), row(false, 9, 0.4));
        // An executive of two of the six retail peers: four unseen, so every industry's (seven unseen).
        assertThat(service.choose(rows, Industry.RETAIL, new PortfolioQueries.Seen(2, 2)).of("EXTENT"))
                .isEqualTo(new Benchmark(2.5, 4, 40, 9, null));
        // One seen: five unseen retail peers are enough.
        assertThat(service.choose(rows, Industry.RETAIL, new PortfolioQueries.Seen(1, 1)).of("EXTENT").industry())
                .isEqualTo(Industry.RETAIL);
        // Five seen of nine: four unseen anywhere, none.
        assertThat(service.choose(rows, Industry.RETAIL, new PortfolioQueries.Seen(5, 5)).of("EXTENT")).isNull();
    }

    static PortfolioQueries.BenchmarkRow row(boolean sameIndustry, int n, Double rank) {
        return new PortfolioQueries.BenchmarkRow("EXTENT", sameIndustry, n, 2.5, 4, rank, Industry.RETAIL);
    }

    @Test
    void fivePeersOfTheIndustryComeFirst() {
        Benchmarks chosen = choose(List.of(row(true, 5, 0.6), row(false, 40, 0.3)));
        assertThat(chosen.of("EXTENT")).isEqualTo(new Benchmark(2.5, 4, 60, 5, Industry.RETAIL));
        assertThat(chosen.industry()).isEqualTo(Industry.RETAIL);
        assertThat(chosen.of("CULTURE")).isNull();
    }

    @Test
    void belowFiveInTheIndustryEveryIndustryFromFive() {
        Benchmarks chosen = choose(List.of(row(true, 4, 0.5), row(false, 5, 0.2)));
        assertThat(chosen.of("EXTENT")).isEqualTo(new Benchmark(2.5, 4, 20, 5, null));
        assertThat(chosen.fellBackToAll()).isTrue();
    }

    @Test
    void belowFiveEverywhereThereIsNone() {
        Benchmarks chosen = choose(List.of(row(true, 4, 0.5), row(false, 4, 0.5)));
        assertThat(chosen.of("EXTENT")).isNull();
        assertThat(chosen.any()).isFalse();
        assertThat(choose(List.of()).any()).isFalse();
    }

    @Test
    void thePercentileIsPercentRankTimesAHundredRoundedHalfUpAndNoneWhileUnrated() {
        assertThat(choose(List.of(row(false, 8, 0.125))).of("EXTENT").percentile()).isEqualTo(13);
        assertThat(choose(List.of(row(false, 6, 1.0 / 6))).of("EXTENT").percentile()).isEqualTo(17);
        assertThat(choose(List.of(row(false, 6, 1.0))).of("EXTENT").percentile()).isEqualTo(100);
        assertThat(choose(List.of(row(false, 6, null))).of("EXTENT").percentile()).isNull();
    }

    @Test
    void anOrganisationOfOtherIndustriesHasNoIndustryToCompareWithin() {
        Benchmarks chosen = choose(List.of(new PortfolioQueries.BenchmarkRow("EXTENT", false, 9, 3, 4, 0.5, Industry.OTHER)));
        assertThat(chosen.industry()).isNull();
        assertThat(chosen.of("EXTENT").industry()).isNull();
    }

    /**
     * The figures as the database's ordered-set aggregates give them, from counted levels: the median
     * interpolates ({@code percentile_cont(0.5)}: 1,2,2,3,4,5 gives 2.5; 2,3,3,4,5,5 gives 3.5), the
     * rank counts the others strictly below ({@code percent_rank}: level 3 among 1,2,2,3,4,5 is 3 of 6).
     */
    @Test
    void mediansAndRanksComeOutAsTheDatabaseWouldGiveThem() {
        assertThat(PortfolioQueries.median(new int[] { 0, 1, 2, 1, 1, 1 })).isEqualTo(2.5);
        assertThat(PortfolioQueries.median(new int[] { 0, 0, 1, 2, 1, 2 })).isEqualTo(3.5);
        assertThat(PortfolioQueries.median(new int[] { 0, 0, 0, 1, 0, 0 })).isEqualTo(3.0);
        assertThat(PortfolioQueries.median(new int[6])).isZero();

        var model = TestModel.mpem();
        java.util.List<PortfolioQueries.Levels> portfolio = new java.util.ArrayList<>();
        int[] levels = { 1, 2, 2, 3, 4, 5 };
        for (int i = 0; i < levels.length; i++) {
            Integer[] current = new Integer[model.dimensions().size()];
            Integer[] target = new Integer[model.dimensions().size()];
            current[0] = levels[i];
            target[0] = Math.min(5, levels[i] + 1);
            portfolio.add(new PortfolioQueries.Levels(i + 1, i % 2 == 0 ? "RETAIL" : "INSURANCE", current, target));
        }
        var own = new PortfolioQueries.Own(99, Industry.RETAIL, java.util.Map.of(model.dimensions().get(0).code(), 3));

        var rows = PortfolioQueries.benchmarks(portfolio, own, model);

        var all = rows.stream().filter(row -> !row.sameIndustry() && row.dimension().equals(model.dimensions().get(0).code()))
                .findFirst().orElseThrow();
        assertThat(all.n()).isEqualTo(6);
        assertThat(all.median()).isEqualTo(2.5);
        assertThat(all.targetMedian()).isEqualTo(3.5);
        assertThat(all.rank()).isEqualTo(3 / 6.0);
        var retail = rows.stream().filter(row -> row.sameIndustry() && row.dimension().equals(model.dimensions().get(0).code()))
                .findFirst().orElseThrow();
        assertThat(retail.n()).isEqualTo(3);
        assertThat(retail.median()).isEqualTo(2.0);
        assertThat(retail.rank()).isEqualTo(2 / 3.0);
        assertThat(rows.stream().filter(row -> row.dimension().equals(model.dimensions().get(1).code())))
                .allSatisfy(row -> {
                    assertThat(row.n()).isZero();
                    assertThat(row.rank()).isNull();
                });
    }
}
