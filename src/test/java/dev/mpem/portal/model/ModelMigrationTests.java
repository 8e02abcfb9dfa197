package dev.mpem.portal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway migrations, run from an empty H2 database, hold the whole model as the paper has it.
 * Hibernate validates the mapping against the migrated schema when the context starts.
 */
@DataJpaTest
@Import({ ModelRepository.class, ModelService.class })
class ModelMigrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ModelService modelService;

    @Test
    void migrationsCreateEveryTableWithThePapersCounts() {
        assertThat(count("categories")).isEqualTo(3);
        assertThat(count("dimensions")).isEqualTo(11);
        assertThat(count("levels")).isEqualTo(5);
        assertThat(count("level_descriptors")).isEqualTo(55);
        assertThat(count("outcomes")).isEqualTo(7);
        assertThat(count("outcome_scenarios")).isEqualTo(22);
        assertThat(count("outcome_dimensions")).isEqualTo(28);
    }

    @Test
    void everyDimensionHasADescriptorForEveryLevel() {
        Integer missing = jdbc.queryForObject("""
                select count(*) from dimensions d cross join levels l
                where not exists (select 1 from level_descriptors x
                                  where x.dimension_code = d.code and x.level_number = l.level_number)
                """, Integer.class);
        assertThat(missing).isZero();
    }

    @Test
    void categoriesAndDimensionsComeInThePapersOrder() {
        Mpem mpem = modelService.model();

        assertThat(mpem.categories()).extracting(Category::code, Category::name).containsExactly(
                tuple("FUNCTIONAL", "Functional effectiveness"),
                tuple("ORGANIZATIONAL", "Organizational effectiveness"),
                tuple("PEOPLE", "People effectiveness"));
        assertThat(mpem.dimensions()).extracting(Dimension::code).containsExactly("EXTENT", "CHANNEL_REACH",
                "ACCURACY_AND_LEARNABILITY", "SCOPE", "STRATEGY", "TECHNOLOGY", "MEASUREMENT",
                "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS", "EXPERTISE", "CULTURE");
        assertThat(mpem.category("FUNCTIONAL").dimensionCodes())
                .containsExactly("EXTENT", "CHANNEL_REACH", "ACCURACY_AND_LEARNABILITY", "SCOPE");
        assertThat(mpem.category("ORGANIZATIONAL").dimensionCodes()).containsExactly("STRATEGY", "TECHNOLOGY",
                "MEASUREMENT", "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS");
        assertThat(mpem.category("PEOPLE").dimensionCodes()).containsExactly("EXPERTISE", "CULTURE");
        assertThat(mpem.dimension("ACCURACY_AND_LEARNABILITY").name()).isEqualTo("Accuracy and learnability");
        assertThat(mpem.dimension("SECURITY_AND_PRIVACY").categoryName()).isEqualTo("Organizational effectiveness");
    }

    @Test
    void levelsHaveTheirNamesAndNarratives() {
        Mpem mpem = modelService.model();

        assertThat(mpem.levels()).extracting(Level::number, Level::name).containsExactly(
                tuple(1, "Basic"), tuple(2, "Foundational"), tuple(3, "Intermediate"), tuple(4, "Mature"),
                tuple(5, "Leader"));
        assertThat(mpem.level(1).narrative())
                .startsWith("At Level 1, organizations implement very basic personalization such as personalized"
                        + " greetings in e-mail delivery.")
                .endsWith("personalization initiatives largely remain individual-driven.");
        assertThat(mpem.level(3).paragraphs()).hasSize(2);
        assertThat(mpem.level(3).paragraphs().get(1))
                .startsWith("With management commitment and sponsorship, the organization is driving towards clear"
                        + " strategy and a long-term vision.");
        assertThat(mpem.level(4).paragraphs().get(1)).contains("intrinsic in employees' approach");
        assertThat(mpem.level(5).paragraphs()).hasSize(3);
        assertThat(mpem.level(5).paragraphs().get(2)).endsWith(
                "It is no longer a stand-alone initiative but a foundation for all other initiatives in the organization.");
    }

    @Test
    void descriptorsAndDescriptionsAreThePapersWordsWithoutConversionLeftovers() {
        Mpem mpem = modelService.model();

        assertThat(mpem.dimension("EXTENT").descriptor(1)).isEqualTo("Really basic personalization such as"
                + " replacing generic terms such as \"dear user\" with specifics such as \"Dear Ms Username\"."
                + " No automation for personalization realization. Automated dispatch of mail delivery.");
        assertThat(mpem.dimension("CHANNEL_REACH").descriptor(3))
                .isEqualTo("Personalization covers most digital channels - email, web, social.");
        assertThat(mpem.dimension("TECHNOLOGY").descriptor(4))
                .isEqualTo("Dedicated personalization engine and investment in advanced personalization products"
                        + " such as CDPs");
        assertThat(mpem.dimension("EXPERTISE").descriptor(2)).isEqualTo(
                "Some exposure to personalization tools; mostly driven by 'star' employees in business and IT.");
        assertThat(mpem.dimension("CULTURE").descriptor(5)).isEqualTo("Personalization is such an integral part"
                + " of organization's culture that it no longer exists as a separate initiative. It is an important"
                + " part of all initiatives.");
        assertThat(mpem.dimension("STRATEGY").description()).isEqualTo("Strategy as well as a roadmap for"
                + " personalization for meeting specific objectives including:\nMission\nLeadership\nTop management"
                + " commitment");
        assertThat(mpem.dimension("FINANCIAL_EFFECTIVENESS").description())
                .startsWith("Financial readiness refers to an organization's ability");

        List<String> allText = mpem.dimensions().stream()
                .flatMap(d -> java.util.stream.Stream.concat(d.descriptors().stream(), java.util.stream.Stream.of(d.description())))
                .toList();
        assertThat(allText).hasSize(66).allSatisfy(text -> assertThat(text)
                .doesNotContain("<", ">", "•", "▪").isEqualTo(text.strip()).isNotBlank());
        IntStream.rangeClosed(1, 5).forEach(level -> assertThat(mpem.dimensions())
                .allSatisfy(d -> assertThat(d.descriptor(level)).isNotBlank()));
    }

    @Test
    void table2RowsKeepTheirScenariosInOrderAndLinkEachLooselyNamedDimension() {
        Mpem mpem = modelService.model();

        assertThat(mpem.outcomes()).extracting(Outcome::code, Outcome::name).containsExactly(
                tuple("WIDEN_REACH", "Widen reach"), tuple("SELL_MORE", "Sell more"),
                tuple("REPEAT_SELL", "Repeat sell"), tuple("CONVERT_FASTER", "Convert faster"),
                tuple("INCREASE_SATISFACTION", "Increase satisfaction"),
                tuple("CREATE_DIFFERENTIATED_EXPERIENCES", "Create differentiated experiences"),
                tuple("UNNAMED_ROW_7", null));

        assertThat(mpem.outcome("WIDEN_REACH").scenarios())
                .containsExactly("Search engines", "Targeted ads", "Channel investments");
        assertThat(mpem.outcome("REPEAT_SELL").scenarios()).containsExactly(
                "Targeting based on seasonal/ periodic events", "Targeting based on life events",
                "Targeting based on product/ service characteristics such as consumption pattern, frequency,"
                        + " desired life tie",
                "Targeting at peak experience");
        assertThat(mpem.outcome("UNNAMED_ROW_7").scenarios()).containsExactly("Analyzing declared profile",
                "Analyzing Third party data", "Analyzing data from systems of transactions",
                "Analyzing customer engagement patterns and history");
        assertThat(mpem.outcome("UNNAMED_ROW_7").note()).contains("leaves the business outcome of this row blank");

        assertThat(links(mpem, "WIDEN_REACH")).containsExactly(tuple("CHANNEL_REACH", "Channel reach"),
                tuple("EXTENT", "Extent"), tuple("SCOPE", "Scope"), tuple("STRATEGY", "Strategy"));
        assertThat(links(mpem, "SELL_MORE")).containsExactly(tuple("EXTENT", "Extent"),
                tuple("CHANNEL_REACH", "Channel reach"), tuple("SCOPE", "Scope"),
                tuple("STRATEGY", "Strategy and vision"));
        assertThat(links(mpem, "REPEAT_SELL")).containsExactly(tuple("EXTENT", "Extent"), tuple("SCOPE", "Scope"),
                tuple("CHANNEL_REACH", "Channel reach"), tuple("TECHNOLOGY", "Technology"));
        assertThat(links(mpem, "CONVERT_FASTER")).containsExactly(tuple("SCOPE", "Scope"),
                tuple("CHANNEL_REACH", "Reach"), tuple("TECHNOLOGY", "Technology"), tuple("STRATEGY", "Strategy"));
        assertThat(links(mpem, "INCREASE_SATISFACTION")).containsExactly(tuple("EXTENT", "Extent"),
                tuple("SCOPE", "Scope"), tuple("ACCURACY_AND_LEARNABILITY", "Accuracy and learnability"),
                tuple("EXPERTISE", "Expertise"));
        assertThat(links(mpem, "CREATE_DIFFERENTIATED_EXPERIENCES")).containsExactly(tuple("STRATEGY", "Strategy"),
                tuple("EXPERTISE", "Expertise"), tuple("TECHNOLOGY", "Technology"),
                tuple("ACCURACY_AND_LEARNABILITY", "Accuracy"));
        assertThat(links(mpem, "UNNAMED_ROW_7")).containsExactly(tuple("SCOPE", "Scope"),
                tuple("TECHNOLOGY", "Technology"), tuple("EXPERTISE", "Expertise"),
                tuple("ACCURACY_AND_LEARNABILITY", "Accuracy and Learnability"));
    }

    private static List<org.assertj.core.groups.Tuple> links(Mpem mpem, String outcome) {
        return mpem.outcome(outcome).dimensions().stream()
                .map(link -> tuple(link.dimensionCode(), link.paperLabel()))
                .toList();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
