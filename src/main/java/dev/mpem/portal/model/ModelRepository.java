package dev.mpem.portal.model;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Repository;

/** Reads the reference data that the Flyway migrations put in place; it never writes. */
@Repository
class ModelRepository {

    @PersistenceContext
    private EntityManager entityManager;

    List<LevelEntity> levels() {
        return entityManager.createQuery("select l from LevelEntity l order by l.number", LevelEntity.class)
                .getResultList();
    }

    List<CategoryEntity> categories() {
        return entityManager.createQuery("select c from CategoryEntity c order by c.position", CategoryEntity.class)
                .getResultList();
    }

    List<DimensionEntity> dimensions() {
        return entityManager.createQuery(
                        "select distinct d from DimensionEntity d left join fetch d.descriptors order by d.position",
                        DimensionEntity.class)
                .getResultList();
    }

    List<OutcomeEntity> outcomes() {
        return entityManager.createQuery(
                        "select distinct o from OutcomeEntity o left join fetch o.scenarios left join fetch o.dimensions"
                                + " order by o.position",
                        OutcomeEntity.class)
                .getResultList();
    }
}
