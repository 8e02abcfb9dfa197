package dev.mpem.portal.portfolio;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.account.OrganisationAccess;
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
    /** Beyond any real portfolio; keeps the offset an int. */
    static final int MAX_PAGE = 100_000;

    private final PortfolioQueries queries;
    private final ModelService models;
    private final Clock clock;
    private final PortfolioProjection projection;

    /**
     * Benchmarks by organisation, its industry, its levels and the portfolio's version: a report
     * view then costs two small queries (its own levels, the version) instead of the statistics.
     */
    private final Cache<String, List<PortfolioQueries.BenchmarkRow>> benchmarks = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterAccess(Duration.ofHours(2)).build();
    private final OrganisationAccess access;

    PortfolioService(PortfolioQueries queries, ModelService models, Clock clock, PortfolioProjection projection,
            OrganisationAccess access) {
        this.access = access;
        this.queries = queries;
        this.models = models;
        this.clock = clock;
        this.projection = projection;
    }

    /**
     * Everything a portfolio page shows, by what it asks for and the portfolio's version: the
     * statistics over thousands of organisations are computed once per change of the portfolio, a
     * view then costs one query (the version). The version moves with every change that can move a
     * figure, an overdue date included, on every instance (it is in the database).
     */
    private final Cache<String, Object> figures = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, long version, java.util.function.Supplier<T> compute) {
        return (T) figures.get(key + "|" + version, k -> compute.get());
    }

    private static String key(PortfolioFilter filter) {
        return filter.industry() + "|" + filter.from() + "|" + filter.to();
    }

    /** Per dimension, the spread of current and target levels; null figures below the minimum. */
    public Portfolio.Spread distributions(PortfolioFilter filter) {
        return distributions(filter, projection.version());
    }

    private Portfolio.Spread distributions(PortfolioFilter filter, long version) {
        checked(filter);
        return cached("spread|" + key(filter), version, () -> spread(filter));
    }

    private Portfolio.Spread spread(PortfolioFilter filter) {
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
        long version = projection.version();
        Portfolio.Spread spread = distributions(filter, version);
        Mpem model = models.model();
        int number = Math.min(Math.max(page, 0), MAX_PAGE);
        String sortKey = sortKey(sort, model);
        List<Portfolio.HeatRow> rows = cached("rows|" + key(filter) + "|" + sortKey + "|" + descending + "|" + number, version, () -> {
            List<Portfolio.HeatRow> found = new ArrayList<>();
            queries.heatMap(filter, model, new PortfolioQueries.Sort(sortKey, descending), number * PAGE_SIZE, PAGE_SIZE,
                    found::add);
            return List.copyOf(found);
        });
        LocalDate today = LocalDate.now(clock);
        Overdue overdue = cached("overdue|" + filter.industry() + "|" + today, version, () -> {
            long[] total = { 0 };
            List<Portfolio.Overdue> found = queries.overdue(filter, today, OVERDUE_SHOWN, total);
            return new Overdue(List.copyOf(found), total[0]);
        });
        return new Portfolio(filter, spread, rows, spread.organisations(), number, PAGE_SIZE, sortKey, descending,
                overdue.organisations(), overdue.total(), today);
    }

    private record Overdue(List<Portfolio.Overdue> organisations, long total) {
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
        long version = projection.version();
        String key = own.organisationId() + "|" + own.industry() + "|" + own.current() + "|" + version;
        List<PortfolioQueries.BenchmarkRow> rows = benchmarks.get(key,
                k -> PortfolioQueries.benchmarks(levels(version), own, models.model()));
        return choose(rows, own.industry(), seen(own));
    }

    /** The read model's rows at the version last read, which the benchmarks count. */
    private volatile LevelsAt levels;

    /** The read model's rows at a version, read once per version (a few bytes per organisation). */
    private List<PortfolioQueries.Levels> levels(long version) {
        LevelsAt held = levels;
        if (held == null || held.version() != version) {
            held = new LevelsAt(version, queries.levels(models.model()));
            levels = held;
        }
        return held.rows();
    }

    private record LevelsAt(long version, List<PortfolioQueries.Levels> rows) {
    }

    /**
     * An executive granted several organisations already reads the others' levels: those are not
     * counted towards the minimum, so that the organisations in a benchmark the reader cannot see are
     * always at least five (four visible peers and one stranger would otherwise give the stranger away).
     */
    private PortfolioQueries.Seen seen(PortfolioQueries.Own own) {
        Set<Long> others = access.restriction().map(granted -> {
            Set<Long> rest = new HashSet<>(granted);
            rest.remove(own.organisationId());
            return (Set<Long>) rest;
        }).orElse(Set.of());
        return others.isEmpty() ? PortfolioQueries.Seen.NONE : queries.seen(others, own.industry());
    }

    Benchmarks choose(List<PortfolioQueries.BenchmarkRow> rows, Industry own) {
        return choose(rows, own, PortfolioQueries.Seen.NONE);
    }

    /**
     * Per dimension the industry's set from the minimum on, else every industry's from the minimum
     * on, else none; organisations the reader can see anyway ({@code seen}) do not count.
     */
    Benchmarks choose(List<PortfolioQueries.BenchmarkRow> rows, Industry own, PortfolioQueries.Seen seen) {
        Map<String, PortfolioQueries.BenchmarkRow> industry = new LinkedHashMap<>();
        Map<String, PortfolioQueries.BenchmarkRow> all = new LinkedHashMap<>();
        for (PortfolioQueries.BenchmarkRow row : rows) {
            (row.sameIndustry() ? industry : all).put(row.dimension(), row);
        }
        Map<String, Benchmark> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : models.model().dimensions()) {
            PortfolioQueries.BenchmarkRow peers = industry.get(dimension.code());
            if (peers == null || peers.n() - seen.industry() < Benchmarks.MIN_ORGANISATIONS) {
                peers = all.get(dimension.code());
            }
            if (peers != null && peers.n() - (peers.sameIndustry() ? seen.industry() : seen.all()) >= Benchmarks.MIN_ORGANISATIONS) {
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
