package dev.mpem.portal.model;

import java.util.List;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Model", description = "The MPEM model as the paper states it: categories, dimensions, level descriptors and Table 2's business outcomes.")
@RestController
@RequestMapping("/api/model")
class ModelApiController {

    private final ModelService modelService;

    ModelApiController(ModelService modelService) {
        this.modelService = modelService;
    }

    @GetMapping
    @Operation(summary = "The whole MPEM model")
    ModelDocument model() {
        return ModelDocument.of(modelService.model());
    }

    record ModelDocument(Source source, List<LevelJson> levels, List<CategoryJson> categories,
            List<DimensionJson> dimensions, List<OutcomeJson> outcomes) {

        static ModelDocument of(Mpem mpem) {
            return new ModelDocument(Source.MPEM,
                    mpem.levels().stream().map(l -> new LevelJson(l.number(), l.name(), l.narrative())).toList(),
                    mpem.categories().stream()
                            .map(c -> new CategoryJson(c.code(), c.name(), c.shortName(), c.dimensionCodes()))
                            .toList(),
                    mpem.dimensions().stream().map(d -> DimensionJson.of(d, mpem)).toList(),
                    mpem.outcomes().stream().map(OutcomeJson::of).toList());
        }
    }

    record Source(String title, String version, List<String> authors, String publisher, String license) {
        static final Source MPEM = new Source("LTIMindtree Personalization Effectiveness Model (MPEM)", "1.0",
                List.of("Bismi Ravindran", "Apoorv Durga"), "LTIMindtree",
                "Creative Commons Attribution-ShareAlike");
    }

    record LevelJson(int level, String name, String narrative) {
    }

    @Schema(name = "ModelCategory")
    record CategoryJson(String code, String name, String shortName, List<String> dimensions) {
    }

    @Schema(name = "ModelDimension")
    record DimensionJson(String code, String name, String category, String description,
            List<DescriptorJson> levels) {

        static DimensionJson of(Dimension dimension, Mpem mpem) {
            List<DescriptorJson> levels = IntStream.rangeClosed(Mpem.MIN_LEVEL, Mpem.MAX_LEVEL)
                    .mapToObj(level -> new DescriptorJson(level, mpem.level(level).name(),
                            dimension.descriptor(level)))
                    .toList();
            return new DimensionJson(dimension.code(), dimension.name(), dimension.categoryCode(),
                    dimension.description(), levels);
        }
    }

    record DescriptorJson(int level, String name, String descriptor) {
    }

    /** {@code name} is null for the Table 2 row the paper leaves unnamed; {@code note} says so. */
    @Schema(name = "ModelOutcome")
    record OutcomeJson(String code, String name, String note, List<String> scenarios, List<String> dimensions,
            List<PaperLabelJson> paperLabels) {

        static OutcomeJson of(Outcome outcome) {
            return new OutcomeJson(outcome.code(), outcome.name(), outcome.note(), outcome.scenarios(),
                    outcome.dimensionCodes(),
                    outcome.dimensions().stream()
                            .map(link -> new PaperLabelJson(link.dimensionCode(), link.paperLabel()))
                            .toList());
        }
    }

    record PaperLabelJson(String dimension, String paperLabel) {
    }
}
