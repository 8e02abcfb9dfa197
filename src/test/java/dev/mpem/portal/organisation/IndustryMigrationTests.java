package dev.mpem.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Free-text industries stored before V13 become codes where the text names one (its code or English
 * name, whatever the case, spaces, underscores, hyphens or ampersands, as the API reads them), and
 * OTHER with the text kept otherwise.
 */
class IndustryMigrationTests {

    @Test
    void storedIndustriesBecomeCodesOrOtherWithTheirTextKept() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:industry-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("12").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, String> stored = new java.util.LinkedHashMap<>();
        stored.put("Retail", "RETAIL");
        stored.put("retail", "RETAIL");
        stored.put("Financial Services", "FINANCIAL_SERVICES");
        stored.put("financial_services", "FINANCIAL_SERVICES");
        stored.put("Telecom & Media", "TELECOM_MEDIA");
        stored.put("Telecom and media", "TELECOM_MEDIA");
        stored.put("Health-care", "HEALTHCARE");
        stored.put("ENERGY_UTILITIES", "ENERGY_UTILITIES");
        stored.put("Consumer goods", "CONSUMER_GOODS");
        stored.put("other", "OTHER");
        stored.put("Wholesale", "OTHER");
        stored.put("Retail banking", "OTHER");
        int id = 0;
        for (String text : stored.keySet()) {
            id++;
            jdbc.update("insert into organisations (id, name, name_key, industry, created_at, updated_at, version)"
                    + " values (?, ?, ?, ?, current_timestamp, current_timestamp, 0)", id, "Org " + id, "org " + id, text);
        }
        jdbc.update("insert into organisations (id, name, name_key, industry, created_at, updated_at, version)"
                + " values (100, 'None', 'none', null, current_timestamp, current_timestamp, 0)");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        id = 0;
        for (Map.Entry<String, String> entry : stored.entrySet()) {
            id++;
            Map<String, Object> row = jdbc.queryForMap("select industry, industry_other from organisations where id = ?", id);
            assertThat(row.get("INDUSTRY")).as(entry.getKey()).isEqualTo(entry.getValue());
            boolean named = Industry.of(entry.getKey()).isPresent();
            assertThat(row.get("INDUSTRY_OTHER")).as(entry.getKey()).isEqualTo(named ? null : entry.getKey());
            // The page and the API read the same text the same way.
            assertThat(Industry.Choice.of(entry.getKey(), null).code()).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(jdbc.queryForMap("select industry, industry_other from organisations where id = 100"))
                .containsEntry("INDUSTRY", null).containsEntry("INDUSTRY_OTHER", null);
        assertThatThrownBy(() -> jdbc.update("update organisations set industry = 'Retail' where id = 1"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
