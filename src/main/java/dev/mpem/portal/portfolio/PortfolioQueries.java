package dev.mpem.portal.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.mpem.portal.model.Category;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.organisation.Industry;

/**
 * The portfolio's SQL over its read model ({@link PortfolioProjection}), the same on PostgreSQL and
 * H2: both compute {@code percentile_cont} (linear interpolation) and the hypothetical-set
 * {@code percent_rank(x) within group (order by …)} in the database. Each figure set is one
 * statement. Column names come from the model's codes only.
 */
@Repository
class PortfolioQueries {

    private final NamedParameterJdbcTemplate jdbc;

    PortfolioQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter's conditions on {@code portfolio_entries p}, its values added to the parameters. */
    private static String where(PortfolioFilter filter, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.industry() != null) {
            where.append(" and p.industry = :industry");
            parameters.addValue("industry", filter.industry().name());
        }
        if (filter.from() != null) {
            where.append(" and p.assessed_on >= :from");
            parameters.addValue("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and p.assessed_on <= :to");
            parameters.addValue("to", filter.to());
        }
        return where.toString();
    }

    private static String real(String column) {
        return "cast(p." + column + " as double precision)";
    }

    record Counted(int organisations, Map<String, Row> byDimension) {
    }

    record Row(int n, Stats current, Stats target) {
    }

    /** How many organisations the filter covers, and per dimension the five figures of their levels. */
    Counted distributions(PortfolioFilter filter, Mpem model) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("select count(*)");
        for (Dimension dimension : model.dimensions()) {
            sql.append(", count(p.").append(PortfolioProjection.levelColumn(dimension, true)).append(')');
            for (boolean current : new boolean[] { true, false }) {
                String column = PortfolioProjection.levelColumn(dimension, current);
                String value = real(column);
                sql.append(", min(p.").append(column).append(')')
                        .append(", percentile_cont(0.25) within group (order by ").append(value).append(')')
                        .append(", percentile_cont(0.5) within group (order by ").append(value).append(')')
                        .append(", percentile_cont(0.75) within group (order by ").append(value).append(')')
                        .append(", max(p.").append(column).append(')');
            }
        }
        sql.append(" from portfolio_entries p").append(where(filter, parameters));
        return jdbc.query(sql.toString(), parameters, rs -> {
            rs.next();
            Map<String, Row> rows = new LinkedHashMap<>();
            int at = 2;
            for (Dimension dimension : model.dimensions()) {
                int n = rs.getInt(at);
                rows.put(dimension.code(), new Row(n, n == 0 ? null : stats(rs, at + 1), n == 0 ? null : stats(rs, at + 6)));
                at += 11;
            }
            return new Counted(rs.getInt(1), rows);
        });
    }

    private static Stats stats(ResultSet rs, int first) throws SQLException {
        return new Stats(rs.getInt(first), rs.getDouble(first + 1), rs.getDouble(first + 2), rs.getDouble(first + 3),
                rs.getInt(first + 4));
    }

    /** A sort of the heat map: a column (see {@link #column}) and its direction. */
    record Sort(String key, boolean descending) {
    }

    /** The heat map's rows in the order asked for, {@code limit} from {@code offset} (all when limit is negative). */
    void heatMap(PortfolioFilter filter, Mpem model, Sort sort, int offset, int limit, Consumer<Portfolio.HeatRow> row) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String order = " order by p." + column(sort.key(), model) + (sort.descending() ? " desc" : " asc")
                + " nulls last, p.name_key, p.organisation_id";
        String page = "";
        if (limit >= 0) {
            page = " limit :limit offset :offset";
            parameters.addValue("limit", limit).addValue("offset", offset);
        }
        String sql = "select p.*, o.next_assessment_due from (select * from portfolio_entries p"
                + where(filter, parameters) + order + page + ") p join organisations o on o.id = p.organisation_id" + order;
        List<Dimension> dimensions = model.dimensions();
        List<Category> categories = model.categories();
        jdbc.query(sql, parameters, rs -> {
            List<Integer> current = new ArrayList<>(dimensions.size());
            List<Integer> target = new ArrayList<>(dimensions.size());
            for (Dimension dimension : dimensions) {
                current.add(integer(rs, PortfolioProjection.levelColumn(dimension, true)));
                target.add(integer(rs, PortfolioProjection.levelColumn(dimension, false)));
            }
            List<Double> averages = new ArrayList<>(categories.size());
            for (Category category : categories) {
                averages.add(decimal(rs, PortfolioProjection.averageColumn(category)));
            }
            String industry = rs.getString("industry");
            row.accept(new Portfolio.HeatRow(rs.getLong("organisation_id"), rs.getString("name"),
                    industry == null ? null : Industry.valueOf(industry), rs.getString("industry_other"),
                    rs.getLong("assessment_id"), rs.getString("title"), rs.getObject("assessed_on", LocalDate.class),
                    current, target, averages, decimal(rs, "overall_average"),
                    rs.getObject("next_assessment_due", LocalDate.class)));
        });
    }

    /** The column a sort key names: name, industry, assessedOn, a dimension's or category's code, or overall. */
    static String column(String key, Mpem model) {
        if (key == null) {
            return "name_key";
        }
        switch (key) {
            case "industry":
                return "industry";
            case "assessedOn":
                return "assessed_on";
            case "overall":
                return "overall_average";
            default:
                break;
        }
        for (Dimension dimension : model.dimensions()) {
            if (dimension.code().equals(key)) {
                return PortfolioProjection.levelColumn(dimension, true);
            }
        }
        for (Category category : model.categories()) {
            if (category.code().equals(key)) {
                return PortfolioProjection.averageColumn(category);
            }
        }
        return "name_key";
    }

    /** The organisations of the filter's industry whose re-assessment was due before today, longest overdue first. */
    List<Portfolio.Overdue> overdue(PortfolioFilter filter, LocalDate today, int limit, long[] total) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("today", today).addValue("limit", limit);
        String industry = "";
        if (filter.industry() != null) {
            industry = " and o.industry = :industry";
            parameters.addValue("industry", filter.industry().name());
        }
        List<Portfolio.Overdue> rows = new ArrayList<>();
        total[0] = 0;
        jdbc.query("select o.id, o.name, o.next_assessment_due, count(*) over () from organisations o"
                + " where o.next_assessment_due < :today" + industry
                + " order by o.next_assessment_due, o.name_key, o.id limit :limit", parameters, rs -> {
                    total[0] = rs.getLong(4);
                    rows.add(new Portfolio.Overdue(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
                });
        return rows;
    }

    /** An assessment's organisation, that organisation's industry and the assessment's current levels. */
    record Own(long organisationId, Industry industry, Map<String, Integer> current) {
    }

    Own own(long assessmentId) {
        Map<String, Integer> current = new LinkedHashMap<>();
        long[] organisation = { -1 };
        String[] industry = { null };
        jdbc.query("select a.organisation_id, o.industry, r.dimension_code, r.current_level from assessments a"
                + " join organisations o on o.id = a.organisation_id left join ratings r on r.assessment_id = a.id"
                + " where a.id = :id", new MapSqlParameterSource("id", assessmentId), rs -> {
                    organisation[0] = rs.getLong(1);
                    industry[0] = rs.getString(2);
                    if (rs.getString(3) != null) {
                        current.put(rs.getString(3), integer(rs, "current_level"));
                    }
                });
        return new Own(organisation[0], industry[0] == null ? null : Industry.valueOf(industry[0]), current);
    }

    /** What one benchmark row says: over which set, how many, the medians and the percentile. */
    record BenchmarkRow(String dimension, boolean sameIndustry, int n, double median, double targetMedian, Double rank,
            Industry ownIndustry) {
    }

    /** One organisation's row of the read model: its industry and its levels by dimension (null: unrated). */
    record Levels(long organisationId, String industry, Integer[] current, Integer[] target) {
    }

    /** Every row of the read model, in the model's dimension order. One statement. */
    List<Levels> levels(Mpem model) {
        StringBuilder sql = new StringBuilder("select organisation_id, industry");
        for (Dimension dimension : model.dimensions()) {
            sql.append(", ").append(PortfolioProjection.levelColumn(dimension, true))
                    .append(", ").append(PortfolioProjection.levelColumn(dimension, false));
        }
        sql.append(" from portfolio_entries");
        int dimensions = model.dimensions().size();
        return jdbc.query(sql.toString(), (rs, row) -> {
            Integer[] current = new Integer[dimensions];
            Integer[] target = new Integer[dimensions];
            for (int d = 0; d < dimensions; d++) {
                current[d] = rs.getObject(3 + 2 * d, Integer.class);
                target[d] = rs.getObject(4 + 2 * d, Integer.class);
            }
            return new Levels(rs.getLong(1), rs.getString(2), current, target);
        });
    }

    /**
     * For each dimension, over the other organisations of the organisation's industry (none for
     * OTHER or no industry) and over every other organisation: how many rated it, the medians of their
     * current and target levels ({@code percentile_cont(0.5)}: linear interpolation), and the
     * {@code percent_rank} of the organisation's own current level among theirs and it (how many of
     * theirs are lower, over how many there are; null while it is unrated). Worked out from the read
     * model's rows in memory: levels are whole numbers from 1 to 5, so counting them is enough (the
     * same figures as the database's ordered-set aggregates, which cost the embedded database tens
     * of milliseconds per report).
     */
    static List<BenchmarkRow> benchmarks(List<Levels> portfolio, Own own, Mpem model) {
        boolean industry = own.industry() != null && own.industry() != Industry.OTHER;
        List<Dimension> dimensions = model.dimensions();
        int[][][] all = new int[dimensions.size()][2][6];
        int[][][] peers = new int[dimensions.size()][2][6];
        for (Levels row : portfolio) {
            if (row.organisationId() == own.organisationId()) {
                continue;
            }
            boolean same = industry && own.industry().name().equals(row.industry());
            for (int d = 0; d < dimensions.size(); d++) {
                count(all[d], row, d);
                if (same) {
                    count(peers[d], row, d);
                }
            }
        }
        List<BenchmarkRow> rows = new ArrayList<>();
        for (int pass = 0; pass < (industry ? 2 : 1); pass++) {
            int[][][] counts = pass == 0 ? all : peers;
            for (int d = 0; d < dimensions.size(); d++) {
                Integer mine = own.current().get(dimensions.get(d).code());
                int[] current = counts[d][0];
                int n = IntStream.of(current).sum();
                Double rank = mine == null ? null : n == 0 ? 0.0
                        : (double) IntStream.range(1, Math.min(mine, 6)).map(level -> current[level]).sum() / n;
                rows.add(new BenchmarkRow(dimensions.get(d).code(), pass == 1, n, median(current),
                        median(counts[d][1]), rank, own.industry()));
            }
        }
        return rows;
    }

    private static void count(int[][] counts, Levels row, int d) {
        if (row.current()[d] != null) {
            counts[0][row.current()[d]]++;
        }
        if (row.target()[d] != null) {
            counts[1][row.target()[d]]++;
        }
    }

    /** The median of counted levels with linear interpolation ({@code percentile_cont(0.5)}); 0 with none. */
    static double median(int[] counts) {
        int n = IntStream.of(counts).sum();
        if (n == 0) {
            return 0;
        }
        double position = (n - 1) / 2.0;
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        int low = nth(counts, below);
        return low + (position - below) * (nth(counts, above) - low);
    }

    /** The level at 0-based position k of the counted levels in ascending order. */
    private static int nth(int[] counts, int k) {
        int seen = 0;
        for (int level = 1; level < counts.length; level++) {
            seen += counts[level];
            if (k < seen) {
                return level;
            }
        }
        throw new IllegalArgumentException("No level at position " + k);
    }

    /** How many of the given organisations (the reader's own others) are in the portfolio: in all and in an industry. */
    record Seen(int all, int industry) {

        static final Seen NONE = new Seen(0, 0);
    }

    Seen seen(java.util.Collection<Long> organisations, Industry industry) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("ids", organisations)
                .addValue("industry", industry == null ? "" : industry.name());
        return jdbc.queryForObject("select count(*), coalesce(sum(case when p.industry = :industry then 1 else 0 end), 0)"
                + " from portfolio_entries p where p.organisation_id in (:ids)", parameters,
                (rs, i) -> new Seen(rs.getInt(1), rs.getInt(2)));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
