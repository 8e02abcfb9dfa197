package dev.mpem.portal.portfolio;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.organisation.Industry;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Words;

/**
 * The portfolio (consultants and admins: every organisation by name) and benchmarks (anyone who may
 * read a report: aggregates of at least {@value Benchmarks#MIN_ORGANISATIONS} other organisations,
 * nothing else).
 */
@Service
@Transactional(readOnly = true)
public class PortfolioService {

    static final int PAGE_SIZE = 50;
    static final int OVERDUE_SHOWN = 25;

    private final PortfolioQueries queries;
    private final ModelService models;
    private final Clock clock;
    private final PortfolioProjection projection;

    /**
     * Benchmarks by organisation, its industry, its levels and the portfolio's version: a report
     * view then costs two small queries (its own levels, the version) instead of the statistics.
     */
    private final Cache<String, Benchmarks> benchmarks = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    PortfolioService(PortfolioQueries queries, ModelService models, Clock clock, PortfolioProjection projection) {
        this.queries = queries;
        this.models = models;
        this.clock = clock;
        this.projection = projection;
    }

    /** Per dimension, the spread of current and target levels; null figures below the minimum. */
    public Portfolio.Spread distributions(PortfolioFilter filter) {
        checked(filter);
        PortfolioQueries.Counted counted = queries.distributions(filter, models.model());
        List<Distribution> rows = new ArrayList<>();
        for (Dimension dimension : models.model().dimensions()) {
            PortfolioQueries.Row row = counted.byDimension().get(dimension.code());
            int n = row == null ? 0 : row.n();
            boolean shown = n >= Benchmarks.MIN_ORGANISATIONS;
            rows.add(new Distribution(dimension, n, shown ? row.current() : null, shown ? row.target() : null));
        }
        return new Portfolio.Spread(counted.organisations(), rows);
    }

    /** The portfolio page: the spread, a page of the heat map in the order asked for, the overdue organisations. */
    public Portfolio page(PortfolioFilter filter, String sort, boolean descending, int page) {
        Portfolio.Spread spread = distributions(filter);
        Mpem model = models.model();
        List<Portfolio.HeatRow> rows = new ArrayList<>();
        int number = Math.max(page, 0);
        long total = spread.organisations();
        queries.heatMap(filter, model, new PortfolioQueries.Sort(sortKey(sort, model), descending),
                number * PAGE_SIZE, PAGE_SIZE, rows::add);
        long[] overdueTotal = { 0 };
        LocalDate today = LocalDate.now(clock);
        List<Portfolio.Overdue> overdue = queries.overdue(filter, today, OVERDUE_SHOWN, overdueTotal);
        return new Portfolio(filter, spread, rows, total, number, PAGE_SIZE, sortKey(sort, model), descending, overdue,
                overdueTotal[0], today);
    }

    /** Every row of the heat map, in the order asked for, for the CSV export. */
    public void eachRow(PortfolioFilter filter, String sort, boolean descending, Consumer<Portfolio.HeatRow> row) {
        checked(filter);
        Mpem model = models.model();
        queries.heatMap(filter, model, new PortfolioQueries.Sort(sortKey(sort, model), descending), 0, -1, row);
    }

    /**
     * The benchmarks of an assessment's report: per dimension, the organisation's industry peers when
     * at least {@value Benchmarks#MIN_ORGANISATIONS} rated it, else every other organisation when
     * that many did, else none. Whoever may read the report may read these.
     */
    public Benchmarks benchmarks(long assessmentId) {
        PortfolioQueries.Own own = queries.own(assessmentId);
        String key = own.organisationId() + "|" + own.industry() + "|" + own.current() + "|" + projection.version();
        return benchmarks.get(key, k -> choose(queries.benchmarks(own, models.model()), own.industry()));
    }

    /** Per dimension the industry's set from the minimum on, else every industry's from the minimum on, else none. */
    Benchmarks choose(List<PortfolioQueries.BenchmarkRow> rows, Industry own) {
        Map<String, PortfolioQueries.BenchmarkRow> industry = new LinkedHashMap<>();
        Map<String, PortfolioQueries.BenchmarkRow> all = new LinkedHashMap<>();
        for (PortfolioQueries.BenchmarkRow row : rows) {
            (row.sameIndustry() ? industry : all).put(row.dimension(), row);
        }
        Map<String, Benchmark> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : models.model().dimensions()) {
            PortfolioQueries.BenchmarkRow peers = industry.get(dimension.code());
            if (peers == null || peers.n() < Benchmarks.MIN_ORGANISATIONS) {
                peers = all.get(dimension.code());
            }
            if (peers != null && peers.n() >= Benchmarks.MIN_ORGANISATIONS) {
                byDimension.put(dimension.code(), new Benchmark(peers.median(), peers.targetMedian(),
                        peers.rank() == null ? null : (int) Math.round(peers.rank() * 100),
                        peers.n(), peers.sameIndustry() ? own : null));
            }
        }
        return new Benchmarks(byDimension, own == Industry.OTHER ? null : own);
    }

    private static String sortKey(String sort, Mpem model) {
        return PortfolioQueries.column(sort, model).equals("name_key") ? "name" : sort;
    }

    private static void checked(PortfolioFilter filter) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("to", Words.say("portfolio.range"), filter.to().toString());
        }
    }
}
