package dev.mpem.portal.transfer;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.MediaType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.PortalApplication;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.action.ActionForm;
import dev.mpem.portal.action.ActionService;
import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.share.ShareService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.workshop.VoteCommand;
import dev.mpem.portal.workshop.WorkshopService;
import dev.mpem.portal.support.PortalTest;

/**
 * Export everything from one portal, import it into a new one on an empty database, export again:
 * nothing is lost. (On -Ppostgres both are PostgreSQL, the target an empty schema of its own.)
 */
@PortalTest
class TransferRoundTripTests {

    @Autowired
    TransferService transfer;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ShareService shares;

    @Autowired
    WorkshopService workshops;

    @Autowired
    dev.mpem.portal.workshop.ParticipantService participants;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    Tables tables;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ActionService actions;

    void richData() {
        UserView executive = fixtures.user(Role.EXECUTIVE);
        AssessmentView baseline = fixtures.assessment("SELL_MORE", "WIDEN_REACH");
        fixtures.rateAll(baseline.id(), 2, 3);
        assessments.saveRating(baseline.id(), "CULTURE", RatingCommand.of(1, 4,
                "Łódź & Zürich: \"quoted\", <b>tags</b>,\nnew line \u2014 \uD83D\uDE80", 1L, "pat"));
        fixtures.complete(baseline.id());
        assessments.reopen(baseline.id(), "pat", "missed a note");
        fixtures.complete(baseline.id());
        actions.create(baseline.id(), new ActionForm("EXTENT", "Pilot \"rules\" \u2014 Łódź", "Two\nlines", "CRM",
                executive.username(), "2026-01-31", "IN_PROGRESS", 3, null));
        actions.create(baseline.id(), new ActionForm("CULTURE", "Name a champion", null, null, null, null, "DONE", null, null));
        actions.dismiss(baseline.id(), "CULTURE", 2);
        assessments.saveCommentary(baseline.id(), "Para one.\n\nPara two \uD83D\uDE80");
        AssessmentView next = assessments.reassess(baseline.id(), new AssessmentForm("Six months on",
                java.time.LocalDate.now().toString(), "Pat", "CMO", List.of("SELL_MORE")));
        shares.create(baseline.id(), 30);
        var workshop = workshops.open(next.id(), false);
        participants.vote(workshop.joinCode(), VoteCommand.byName("Ana", "EXTENT", 2, 3, "rules for e-mail"));
        participants.vote(workshop.joinCode(), VoteCommand.byName("Ben", "EXTENT", 3, 4, null));
        workshops.reveal(workshop.id(), "EXTENT");
        workshops.agree(workshop.id(), "EXTENT", 2, 3, "Half the room saw rules", null);
        assertThat(executive.id()).isPositive();
    }

    /**
     * An export carries every column of every table of the database, apart from the model and the
     * sessions: a table or column added by a migration without being exported fails here.
     */
    @Test
    void anExportCarriesEveryColumnOfEveryTable() {
        richData();
        Map<String, Object> export = exported(transfer, true);
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> data = (Map<String, List<Map<String, Object>>>) export.get("data");

        assertThat(tables.inDatabase()).allSatisfy(table -> assertThat(
                Tables.NOT_EXPORTED.contains(table) || data.containsKey(table))
                .as("table %s is exported (or listed in Tables.NOT_EXPORTED)", table).isTrue());
        assertThat(data.keySet()).contains("organisations", "users", "assessments", "ratings", "workshop_votes",
                "audit_events");
        assertThat(data.get("audit_events")).isNotEmpty();
        for (String table : data.keySet()) {
            List<String> columns = jdbc.sql("select * from " + table + " where 1 = 0")
                    .query(rs -> {
                        List<String> names = new java.util.ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            names.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                        }
                        return names;
                    });
            assertThat(tables.named(table).orElseThrow().columns()).extracting(Tables.Column::name).as(table)
                    .containsExactlyInAnyOrderElementsOf(columns);
            assertThat(data.get(table)).as("rows of " + table).allSatisfy(row -> assertThat(row.keySet())
                    .as("columns exported of " + table).containsExactlyInAnyOrderElementsOf(columns));
        }
    }

    @Test
    void everythingSurvivesAnExportAndImportIntoAnEmptyPortal() {
        richData();
        Map<String, Object> first = exported(transfer, true);

        try (ConfigurableApplicationContext target = emptyPortal()) {
            TransferService there = target.getBean(TransferService.class);
            TransferService.ImportSummary summary = there.importAll(first);
            assertThat(summary.accountsNeedingPasswordReset()).isEmpty();
            assertThat(summary.accountsKeptAsHere()).containsExactly("admin");
            Map<String, Object> second = exported(there, true);

            Map<String, List<Map<String, Object>>> before = canonical(first, false);
            Map<String, List<Map<String, Object>>> after = canonical(second, true);
            for (Tables.Table table : tables.all()) {
                assertThat(after.get(table.name())).as(table.name()).isEqualTo(before.get(table.name()));
            }
            assertThat(before.get("ratings")).filteredOn(row -> row.get("notes") != null)
                    .anySatisfy(row -> assertThat(row.get("notes").toString())
                    .contains("Łódź", "\uD83D\uDE80", "\n"));
            assertThat(before.get("workshop_votes")).hasSizeGreaterThanOrEqualTo(2);
            // The plan, its carried continuation and a dismissed suggestion come along.
            assertThat(before.get("action_items")).hasSizeGreaterThanOrEqualTo(3)
                    .anySatisfy(row -> assertThat(row.get("carried_from")).isNotNull());
            assertThat(before.get("action_dismissals")).isNotEmpty();
            assertThat(before.get("assessments")).anySatisfy(row -> assertThat(row.get("commentary"))
                    .isEqualTo("Para one.\n\nPara two \uD83D\uDE80"));

            // Imported accounts sign in with their own passwords on the new portal.
            String hash = target.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select password_hash from users where role = 'EXECUTIVE' order by id desc fetch first 1 rows only",
                    String.class);
            assertThat(target.getBean(PasswordEncoder.class).matches(Fixtures.PASSWORD, hash)).isTrue();

            // Importing twice is refused: the portal is no longer empty.
            assertThatThrownBy(() -> there.importAll(first)).isInstanceOf(TransferService.NotEmptyException.class);
        }
    }

    /**
     * Rows go in by batches (of {@value TransferService#FETCH_SIZE}): a file with more ratings than a
     * batch holds, and an action carried on from one in the same batch, survive whole; a row the
     * database refuses deep inside a batch is named by its index, and nothing is imported.
     */
    @Test
    void aFileLargerThanABatchGoesInWholeAndARefusedRowIsNamed() {
        richData();
        Map<String, Object> export = exported(transfer, true);
        List<String> dimensions = jdbc.sql("select code from dimensions order by code").query(String.class).list();
        List<Map<String, Object>> organisations = rows(export, "organisations");
        List<Map<String, Object>> assessmentRows = rows(export, "assessments");
        List<Map<String, Object>> ratings = rows(export, "ratings");
        Map<String, Object> organisation = organisations.get(0);
        Map<String, Object> assessment = assessmentRows.stream()
                .filter(row -> row.get("previous_assessment_id") == null).findFirst().orElseThrow();
        Map<String, Object> rating = ratings.get(0);
        long id = 1_000_000;
        for (int n = 0; n < 60; n++) {
            Map<String, Object> extraOrganisation = new LinkedHashMap<>(organisation);
            extraOrganisation.put("id", ++id);
            extraOrganisation.put("name", "Batch client " + n);
            extraOrganisation.put("name_key", "batch client " + n);
            organisations.add(extraOrganisation);
            Map<String, Object> extraAssessment = new LinkedHashMap<>(assessment);
            extraAssessment.put("id", ++id);
            extraAssessment.put("organisation_id", extraOrganisation.get("id"));
            assessmentRows.add(extraAssessment);
            for (String dimension : dimensions) {
                Map<String, Object> extraRating = new LinkedHashMap<>(rating);
                extraRating.put("id", ++id);
                extraRating.put("assessment_id", extraAssessment.get("id"));
                extraRating.put("dimension_code", dimension);
                ratings.add(extraRating);
            }
        }
        assertThat(ratings).hasSizeGreaterThan(TransferService.FETCH_SIZE + 100);

        // On PostgreSQL the rows go in by COPY (no second attempt); elsewhere by statements.
        boolean postgres = System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
        try (ConfigurableApplicationContext target = emptyPortal()) {
            TransferService there = target.getBean(TransferService.class);
            there.importAll(export);
            assertThat(there.importedAgain).hasValue(0);
            Map<String, Object> second = exported(there, true);
            Map<String, List<Map<String, Object>>> before = canonical(export, false);
            Map<String, List<Map<String, Object>>> after = canonical(second, true);
            for (Tables.Table table : tables.all()) {
                assertThat(after.get(table.name())).as(table.name()).isEqualTo(before.get(table.name()));
            }
            assertThat(after.get("ratings")).hasSize(ratings.size());
            assertThat(after.get("action_items")).anySatisfy(row -> assertThat(row.get("carried_from")).isNotNull());
        }

        int refused = TransferService.FETCH_SIZE + 37;
        ratings.get(refused).put("dimension_code", "NOT_A_DIMENSION");
        try (ConfigurableApplicationContext target = emptyPortal()) {
            TransferService there = target.getBean(TransferService.class);
            assertThatThrownBy(() -> there.importAll(export))
                    .isInstanceOfSatisfying(dev.mpem.portal.shared.InvalidInputException.class, e -> assertThat(
                            e.problems()).extracting(dev.mpem.portal.shared.FieldProblem::field)
                            .containsExactly("data.ratings[" + refused + "]"));
            // PostgreSQL's COPY does not name the row: the import ran again with statements, which do.
            assertThat(there.importedAgain).hasValue(postgres ? 1 : 0);
            var jdbcThere = target.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbcThere.queryForObject("select count(*) from organisations", Integer.class)).isZero();
            assertThat(jdbcThere.queryForObject("select count(*) from ratings", Integer.class)).isZero();
        }
    }

    @Test
    void withoutPasswordHashesImportedAccountsNeedAReset() {
        fixtures.user(Role.CONSULTANT);
        Map<String, Object> export = exported(transfer, false);
        assertThat(rows(export, "users")).allSatisfy(row -> assertThat(row).doesNotContainKey("password_hash"));

        try (ConfigurableApplicationContext target = emptyPortal()) {
            TransferService.ImportSummary summary = target.getBean(TransferService.class).importAll(export);
            assertThat(summary.accountsNeedingPasswordReset()).isNotEmpty().doesNotContain("admin");
            String hash = target.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select password_hash from users where username = ?", String.class,
                    summary.accountsNeedingPasswordReset().get(0));
            assertThat(hash).startsWith("{bcrypt}");
            assertThat(target.getBean(PasswordEncoder.class).matches(Fixtures.PASSWORD, hash)).isFalse();
        }
    }

    @Test
    void aFileThatIsNotAnExportIsRefused() {
        try (ConfigurableApplicationContext target = emptyPortal()) {
            TransferService there = target.getBean(TransferService.class);
            assertThatThrownBy(() -> there.importAll(Map.of("format", "something else")))
                    .hasMessageContaining("not an export");
            Map<String, Object> wrongVersion = new LinkedHashMap<>(exported(transfer, false));
            wrongVersion.put("schemaVersion", "1");
            assertThatThrownBy(() -> there.importAll(wrongVersion)).hasMessageContaining("database version 1");
        }
    }

    @Test
    void aFileWithProblemsIsRefusedWholeAndEachProblemNamesItsRecordAndField() throws Exception {
        richData();
        AssessmentView elsewhere = fixtures.assessment();
        Map<String, Object> export = exported(transfer, true);
        List<Map<String, Object>> users = rows(export, "users");
        List<Map<String, Object>> organisations = rows(export, "organisations");
        List<Map<String, Object>> assessmentRows = rows(export, "assessments");
        users.get(users.size() - 1).put("username", "Pat.Jones");
        organisations.get(0).put("name_key", "not the name at all");
        Map<String, Object> reassessment = assessmentRows.stream()
                .filter(row -> row.get("previous_assessment_id") != null).findFirst().orElseThrow();
        reassessment.put("previous_assessment_id", elsewhere.id());
        rows(export, "ratings").get(0).put("current_level", 9);
        int lastUser = users.size() - 1;
        int reassessed = assessmentRows.indexOf(reassessment);

        try (ConfigurableApplicationContext target = emptyPortal()) {
            TransferService there = target.getBean(TransferService.class);
            assertThatThrownBy(() -> there.importAll(export))
                    .isInstanceOfSatisfying(dev.mpem.portal.shared.InvalidInputException.class, e -> assertThat(
                            e.problems()).extracting(dev.mpem.portal.shared.FieldProblem::field).contains(
                            "data.users[" + lastUser + "].username", "data.organisations[0].name_key",
                            "data.assessments[" + reassessed + "].previous_assessment_id", "data.ratings[0].current_level"));
            var jdbc = target.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from organisations", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).isEqualTo(1);

            // A row the database itself refuses (a required value missing) imports nothing either.
            Map<String, Object> missing = exported(transfer, true);
            rows(missing, "assessments").get(0).put("title", null);
            assertThatThrownBy(() -> there.importAll(missing))
                    .isInstanceOf(dev.mpem.portal.shared.InvalidInputException.class)
                    .hasMessageContaining("data.assessments[0]");
            assertThat(jdbc.queryForObject("select count(*) from organisations", Integer.class)).isZero();
        }

        // Over HTTP: 400 with every problem, before anything else is looked at.
        UserView admin = fixtures.user(Role.ADMIN);
        mvc.perform(post("/api/admin/import").with(httpBasic(admin.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(export)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'data.users[" + lastUser + "].username')]").exists());
        mvc.perform(post("/api/admin/import").with(httpBasic(admin.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"format\": \"mpem-portal-export\", \"data\": {"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("not valid JSON")));
    }

    /** Through the page, as an admin moves a portal: the file goes in and the page says what came in, in words. */
    @Test
    void theImportFormSaysWhatCameIn() throws Exception {
        richData();
        UserView admin = fixtures.user(Role.ADMIN);
        byte[] file = json.writeValueAsBytes(exported(transfer, false));

        // This portal holds data: refused, with the reason on the page.
        mvc.perform(multipart("/admin/data/import").file(new MockMultipartFile("file", "export.json",
                        MediaType.APPLICATION_JSON_VALUE, file)).with(csrf()).with(signedInAs(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already holds organisations")));
        mvc.perform(multipart("/admin/data/import").file(new MockMultipartFile("file", "notes.json",
                        MediaType.APPLICATION_JSON_VALUE, "{\"format\": \"notes\"}".getBytes())).with(csrf())
                        .with(signedInAs(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nothing was imported")));

        try (ConfigurableApplicationContext target = emptyPortal()) {
            MockMvc there = MockMvcBuilders.webAppContextSetup((WebApplicationContext) target)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            var flash = there.perform(multipart("/admin/data/import").file(new MockMultipartFile("file", "export.json",
                            MediaType.APPLICATION_JSON_VALUE, file)).with(csrf())
                            .with(SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN")))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/data"))
                    .andReturn().getFlashMap().get("flash");
            String message = ((dev.mpem.portal.shared.Flash) flash).message();
            int organisations = rows(exported(transfer, false), "organisations").size();
            // As a reader sees the count: "1 organisation", "31 organisations", "1,308 organisations".
            String counted = organisations == 1 ? "1 organisation, "
                    : java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(organisations) + " organisations, ";
            assertThat(message).startsWith("Imported " + counted)
                    .contains(" ratings", " audit trail entries").doesNotContain("{", "=", "_")
                    .contains("need a new one");
            // The audit trail says it in the same words.
            String trail = there.perform(get("/admin/audit").with(SecurityMockMvcRequestPostProcessors.user("admin")
                    .roles("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(trail).contains("Data imported: " + counted)
                    .doesNotContain("assessment_focus_outcomes", "user_organisations");
        }
        // Every table has its words (a table added to the export without them would fail here).
        for (Tables.Table table : tables.all()) {
            assertThat(dev.mpem.portal.shared.Words.say("transfer.count." + table.name(), 2)).as(table.name())
                    .startsWith("2 ").doesNotContain("_");
        }
    }

    @Test
    void onlyAdminsExportAndImport() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        UserView consultant = fixtures.user(Role.CONSULTANT);

        mvc.perform(get("/api/admin/export").with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/data").with(signedInAs(consultant))).andExpect(status().isForbidden());
        String body = mvc.perform(get("/api/admin/export").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"format\":\"mpem-portal-export\"").doesNotContain("password_hash");
        var download = mvc.perform(get("/admin/data/export.json").with(signedInAs(admin))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("mpem-portal-export-");
        assertThat(download.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        Map<String, Object> file = json.readValue(download.getContentAsByteArray(),
                new TypeReference<Map<String, Object>>() {
                });
        assertThat(file).containsEntry("format", "mpem-portal-export").containsEntry("passwordHashes", false);
        assertThat(rows(file, "users")).extracting(row -> row.get("username")).contains(admin.username());
    }

    /** An export broken off (the browser closed, the network gone) is in the audit trail all the same. */
    @Test
    void anExportBrokenOffIsRecorded() {
        richData();
        String count = "select count(*) from audit_events where action = 'DATA_EXPORTED'";
        int before = jdbc.sql(count).query(Integer.class).single();
        java.io.OutputStream brokenOff = new java.io.OutputStream() {
            private int written;

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > 1000) {
                    throw new java.io.IOException("connection reset by peer");
                }
            }
        };
        assertThatThrownBy(() -> transfer.export(true, brokenOff)).hasMessageContaining("connection reset");
        assertThat(jdbc.sql(count).query(Integer.class).single()).isEqualTo(before + 1);
    }

    /** What the portal's export writes, read back. */
    private Map<String, Object> exported(TransferService from, boolean passwordHashes) {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        from.export(passwordHashes, file);
        return json.readValue(file.toByteArray(), new TypeReference<Map<String, Object>>() {
        });
    }

    private Map<String, Object> roundTrip(Map<String, Object> document) {
        return json.readValue(json.writeValueAsString(document), new TypeReference<Map<String, Object>>() {
        });
    }

    /**
     * A second portal on an empty database: on PostgreSQL (-Ppostgres) a new schema of the same
     * database, so that the import there copies rows as it does in production; otherwise H2 in memory.
     */
    private static ConfigurableApplicationContext emptyPortal() {
        String source = System.getProperty("spring.datasource.url", "");
        if (source.startsWith("jdbc:postgresql:")) {
            String schema = "import_" + System.nanoTime();
            String username = System.getProperty("spring.datasource.username");
            String password = System.getProperty("spring.datasource.password");
            try (var connection = java.sql.DriverManager.getConnection(source, username, password);
                    var statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            }
            catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + source + (source.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        }
        return new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:import-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> document, String table) {
        return (List<Map<String, Object>>) ((Map<String, Object>) document.get("data")).get(table);
    }

    /**
     * Every table's rows with ids and references replaced by positions, so that two databases that
     * hold the same data compare equal whatever ids they gave it. The target portal's own admin and
     * its own audit entries (its first start, the import itself) are left out.
     */
    private Map<String, List<Map<String, Object>>> canonical(Map<String, Object> document, boolean target) {
        Map<String, Map<Object, Integer>> positions = new HashMap<>();
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        for (Tables.Table table : tables.all()) {
            List<Map<String, Object>> rows = new ArrayList<>(rows(document, table.name()));
            if (table.name().equals("users")) {
                rows.removeIf(row -> "admin".equals(row.get("username")));
            }
            if (table.name().equals("user_organisations")) {
                rows.removeIf(row -> !positions.get("users").containsKey(String.valueOf(row.get("user_id"))));
            }
            if (table.name().equals("audit_events")) {
                // Each export is recorded before it starts, so each file holds its own "data exported".
                rows = new ArrayList<>(rows.stream().filter(row -> !"DATA_EXPORTED".equals(row.get("action"))).toList());
                if (target) {
                    // The new portal's own first admin, and its record of the import.
                    rows = rows.subList(1, rows.size() - 1);
                }
            }
            Map<Object, Integer> own = new HashMap<>();
            List<Map<String, Object>> canonicalRows = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Map<String, Object> copy = new LinkedHashMap<>(row);
                if (table.id() != null) {
                    own.put(String.valueOf(row.get(table.id())), own.size());
                    copy.put(table.id(), own.size() - 1);
                }
                for (var reference : table.references().entrySet()) {
                    Object value = row.get(reference.getKey());
                    copy.put(reference.getKey(), value == null ? null
                            : target(positions, own, table, reference.getValue()).get(String.valueOf(value)));
                }
                for (var reference : table.softReferences().entrySet()) {
                    Object value = row.get(reference.getKey());
                    copy.put(reference.getKey(), value == null ? null
                            : positions.get(reference.getValue()).get(String.valueOf(value)));
                }
                canonicalRows.add(copy);
            }
            positions.put(table.name(), own);
            result.put(table.name(), canonicalRows);
        }
        return result;
    }

    private static Map<Object, Integer> target(Map<String, Map<Object, Integer>> positions, Map<Object, Integer> own,
            Tables.Table table, String targetTable) {
        return targetTable.equals(table.name()) ? own : positions.get(targetTable);
    }
}
