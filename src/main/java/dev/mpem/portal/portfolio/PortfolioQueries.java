package dev.mpem.portal.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.mpem.portal.model.Category;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.organisation.Industry;

/**
 * The portfolio's SQL, the same on PostgreSQL and H2: both compute {@code percentile_cont} (linear
 * interpolation) and the hypothetical-set {@code percent_rank(x) within group (order by …)} in the
 * database. Each method is one statement. "Latest" is the completed assessment with the latest date
 * (then the highest id) of each organisation, among those the filter lets in.
 */
@Repository
class PortfolioQueries {

    /** Codes are put into SQL as column names and literals: only ever the model's own codes. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final NamedParameterJdbcTemplate jdbc;

    PortfolioQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest completed assessment of each organisation the filter lets in, as a WITH clause. */
    private static String latest(PortfolioFilter filter, MapSqlParameterSource parameters, String excluded) {
        StringBuilder where = new StringBuilder("a.status = 'COMPLETED'");
        if (filter.industry() != null) {
            where.append(" and o.industry = :industry");
            parameters.addValue("industry", filter.industry().name());
        }
        if (filter.from() != null) {
            where.append(" and a.assessed_on >= :from");
            parameters.addValue("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and a.assessed_on <= :to");
            parameters.addValue("to", filter.to());
        }
        if (excluded != null) {
            where.append(" and a.organisation_id <> ").append(excluded);
        }
        return "latest as (select id, organisation_id, assessed_on, title, industry from ("
                + " select a.id, a.organisation_id, a.assessed_on, a.title, o.industry,"
                + " row_number() over (partition by a.organisation_id order by a.assessed_on desc, a.id desc) as position"
                + " from assessments a join organisations o on o.id = a.organisation_id where " + where
                + ") ranked where position = 1)";
    }

    private static String quartiles(String column, String alias) {
        String value = "cast(r." + column + " as double precision)";
        return "min(r." + column + ") as " + alias + "_min,"
                + " percentile_cont(0.25) within group (order by " + value + ") as " + alias + "_p25,"
                + " percentile_cont(0.5) within group (order by " + value + ") as " + alias + "_median,"
                + " percentile_cont(0.75) within group (order by " + value + ") as " + alias + "_p75,"
                + " max(r." + column + ") as " + alias + "_max";
    }

    record Counted(int organisations, Map<String, Row> byDimension) {
    }

    record Row(int n, Stats current, Stats target) {
    }

    /** How many organisations the filter covers, and per dimension the five figures of their levels. */
    Counted distributions(PortfolioFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String sql = "with " + latest(filter, parameters, null)
                + ", figures as (select r.dimension_code, count(*) as n, " + quartiles("current_level", "c") + ", "
                + quartiles("target_level", "t") + " from latest l join ratings r on r.assessment_id = l.id"
                + " where r.current_level is not null group by r.dimension_code)"
                + " select f.*, c.organisations from (select count(*) as organisations from latest) c"
                + " left join figures f on 1 = 1";
        Map<String, Row> rows = new LinkedHashMap<>();
        int[] organisations = { 0 };
        jdbc.query(sql, parameters, rs -> {
            organisations[0] = rs.getInt(13);
            String dimension = rs.getString(1);
            if (dimension != null) {
                rows.put(dimension, new Row(rs.getInt(2), stats(rs, 3), stats(rs, 8)));
            }
        });
        return new Counted(organisations[0], rows);
    }

    private static Stats stats(ResultSet rs, int first) throws SQLException {
        return new Stats(rs.getInt(first), rs.getDouble(first + 1), rs.getDouble(first + 2), rs.getDouble(first + 3),
                rs.getInt(first + 4));
    }

    /** A sort of the heat map: a column (see {@link #column}) and its direction. */
    record Sort(String key, boolean descending) {
    }

    /**
     * The heat map's rows in the order asked for, {@code limit} from {@code offset} (all when limit
     * is negative), each to {@code row}; returns how many rows there are in all.
     */
    long heatMap(PortfolioFilter filter, Mpem model, Sort sort, int offset, int limit, Consumer<Portfolio.HeatRow> row) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<Dimension> dimensions = model.dimensions();
        List<Category> categories = model.categories();
        StringBuilder sql = new StringBuilder("with ").append(latest(filter, parameters, null))
                .append(" select l.organisation_id, o.name, o.industry, o.industry_other, l.id, l.title, l.assessed_on,")
                .append(" o.next_assessment_due, count(*) over () as total");
        for (int i = 0; i < dimensions.size(); i++) {
            String code = code(dimensions.get(i).code());
            sql.append(", max(case when r.dimension_code = '").append(code).append("' then r.current_level end) as c").append(i)
                    .append(", max(case when r.dimension_code = '").append(code).append("' then r.target_level end) as t").append(i);
        }
        for (int i = 0; i < categories.size(); i++) {
            sql.append(", avg(case when r.dimension_code in (")
                    .append(String.join(", ", categories.get(i).dimensions().stream().map(d -> "'" + code(d.code()) + "'").toList()))
                    .append(") then cast(r.current_level as double precision) end) as g").append(i);
        }
        sql.append(", avg(cast(r.current_level as double precision)) as overall")
                .append(" from latest l join organisations o on o.id = l.organisation_id")
                .append(" left join ratings r on r.assessment_id = l.id")
                .append(" group by l.organisation_id, o.name, o.name_key, o.industry, o.industry_other, l.id, l.title,")
                .append(" l.assessed_on, o.next_assessment_due")
                .append(" order by ").append(column(sort.key(), model)).append(sort.descending() ? " desc" : " asc")
                .append(" nulls last, o.name_key, l.organisation_id");
        if (limit >= 0) {
            sql.append(" limit :limit offset :offset");
            parameters.addValue("limit", limit).addValue("offset", offset);
        }
        long[] total = { 0 };
        jdbc.query(sql.toString(), parameters, rs -> {
            total[0] = rs.getLong("total");
            List<Integer> current = new ArrayList<>(dimensions.size());
            List<Integer> target = new ArrayList<>(dimensions.size());
            for (int i = 0; i < dimensions.size(); i++) {
                current.add(integer(rs, "c" + i));
                target.add(integer(rs, "t" + i));
            }
            List<Double> averages = new ArrayList<>(categories.size());
            for (int i = 0; i < categories.size(); i++) {
                averages.add(decimal(rs, "g" + i));
            }
            String industry = rs.getString(3);
            row.accept(new Portfolio.HeatRow(rs.getLong(1), rs.getString(2), industry == null ? null : Industry.valueOf(industry),
                    rs.getString(4), rs.getLong(5), rs.getString(6), rs.getObject(7, LocalDate.class), current, target,
                    averages, decimal(rs, "overall"), rs.getObject(8, LocalDate.class)));
        });
        if (total[0] == 0 && offset > 0) {
            total[0] = count(filter);
        }
        return total[0];
    }

    private long count(PortfolioFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("with " + latest(filter, parameters, null) + " select count(*) from latest",
                parameters, Long.class);
        return count == null ? 0 : count;
    }

    /** The SQL column a sort key names: name, industry, assessedOn, a dimension's or category's code, or overall. */
    static String column(String key, Mpem model) {
        if (key == null || key.equals("name")) {
            return "o.name_key";
        }
        switch (key) {
            case "industry":
                return "o.industry";
            case "assessedOn":
                return "l.assessed_on";
            case "overall":
                return "overall";
            default:
                break;
        }
        for (int i = 0; i < model.dimensions().size(); i++) {
            if (model.dimensions().get(i).code().equals(key)) {
                return "c" + i;
            }
        }
        for (int i = 0; i < model.categories().size(); i++) {
            if (model.categories().get(i).code().equals(key)) {
                return "g" + i;
            }
        }
        return "o.name_key";
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

    /** What one benchmark row says: over which set, how many, the medians and the percentile. */
    record BenchmarkRow(String dimension, boolean sameIndustry, int n, double median, double targetMedian, Double rank,
            Industry ownIndustry) {
    }

    /**
     * For each dimension, over the latest completed assessments of the other organisations of the
     * assessment's organisation's industry (none for OTHER) and over those of every industry: how
     * many rated it, the medians of their current and target levels, and {@code percent_rank} of
     * the assessment's own current level among theirs and it (null while it is unrated). One statement.
     */
    List<BenchmarkRow> benchmarks(long assessmentId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("assessment", assessmentId);
        String own = "(select o.industry from assessments a join organisations o on o.id = a.organisation_id"
                + " where a.id = :assessment)";
        String peers = " from latest l join ratings r on r.assessment_id = l.id"
                + " left join ratings mine on mine.assessment_id = :assessment and mine.dimension_code = r.dimension_code"
                + " where r.current_level is not null";
        String figures = " r.dimension_code, count(*),"
                + " percentile_cont(0.5) within group (order by cast(r.current_level as double precision)),"
                + " percentile_cont(0.5) within group (order by cast(r.target_level as double precision)),"
                + " percent_rank(mine.current_level) within group (order by r.current_level), mine.current_level, "
                + own;
        String sql = "with " + latest(PortfolioFilter.ALL, parameters,
                "(select organisation_id from assessments where id = :assessment)")
                + " select 0," + figures + peers + " group by r.dimension_code, mine.current_level"
                + " union all select 1," + figures + peers + " and l.industry = " + own + " and l.industry <> 'OTHER'"
                + " group by r.dimension_code, mine.current_level";
        return jdbc.query(sql, parameters, (rs, i) -> {
            double rank = rs.getDouble(6);
            rs.getInt(7);
            boolean unrated = rs.wasNull();
            String industry = rs.getString(8);
            return new BenchmarkRow(rs.getString(2), rs.getInt(1) == 1, rs.getInt(3), rs.getDouble(4),
                    rs.getDouble(5), unrated ? null : rank, industry == null ? null : Industry.valueOf(industry));
        });
    }

    private static String code(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalStateException("Not a model code: " + code);
        }
        return code;
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
