package dev.mpem.portal.model;

import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "dimensions")
class DimensionEntity {

    @Id
    private String code;

    @Column(name = "category_code")
    private String categoryCode;

    private int position;

    private String name;

    private String description;

    @ElementCollection
    @CollectionTable(name = "level_descriptors", joinColumns = @JoinColumn(name = "dimension_code"))
    @MapKeyColumn(name = "level_number")
    @Column(name = "descriptor")
    private Map<Integer, String> descriptors = new TreeMap<>();

    protected DimensionEntity() {
    }

    String code() {
        return code;
    }

    String categoryCode() {
        return categoryCode;
    }

    int position() {
        return position;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Map<Integer, String> descriptors() {
        return descriptors;
    }
}
