package dev.mpem.portal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the MPEM model to every feature. The model only changes through a migration, that is with
 * a new release, so it is read once, on first use, and kept in the {@value #CACHE} cache.
 */
@Service
public class ModelService {

    static final String CACHE = "model";

    private final ModelRepository repository;
    private final TransactionTemplate readOnly;

    ModelService(ModelRepository repository, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The model; read from the database once (concurrent first callers wait for that one read). */
    @Cacheable(cacheNames = CACHE, sync = true)
    public Mpem model() {
        return readOnly.execute(status -> load());
    }

    private Mpem load() {
        List<Level> levels = repository.levels().stream()
                .map(level -> new Level(level.number(), level.name(), level.narrative()))
                .toList();
        List<DimensionEntity> dimensionEntities = repository.dimensions();
        Map<String, String> dimensionNames = dimensionEntities.stream()
                .collect(Collectors.toMap(DimensionEntity::code, DimensionEntity::name));

        List<Category> categories = new ArrayList<>();
        for (CategoryEntity category : repository.categories()) {
            List<Dimension> dimensions = dimensionEntities.stream()
                    .filter(dimension -> dimension.categoryCode().equals(category.code()))
                    .map(dimension -> new Dimension(dimension.code(), dimension.position(), dimension.name(),
                            category.code(), category.name(), dimension.description(),
                            inOrder(dimension.descriptors())))
                    .toList();
            categories.add(new Category(category.code(), category.name(), category.shortName(), dimensions));
        }

        List<Outcome> outcomes = repository.outcomes().stream()
                .map(outcome -> new Outcome(outcome.code(), outcome.position(), outcome.name(), outcome.note(),
                        inOrder(outcome.scenarios()),
                        inOrder(outcome.dimensions()).stream()
                                .map(link -> new Outcome.DimensionLink(link.dimensionCode(),
                                        dimensionNames.get(link.dimensionCode()), link.paperLabel()))
                                .toList()))
                .toList();
        return new Mpem(levels, categories, outcomes);
    }

    /** The values of a position-keyed collection in position order. */
    private static <T> List<T> inOrder(Map<Integer, T> byPosition) {
        return List.copyOf(new TreeMap<>(byPosition).values());
    }
}
