package dev.mpem.portal.model;

import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "outcomes")
class OutcomeEntity {

    @Id
    private String code;

    private int position;

    private String name;

    private String note;

    @ElementCollection
    @CollectionTable(name = "outcome_scenarios", joinColumns = @JoinColumn(name = "outcome_code"))
    @MapKeyColumn(name = "position")
    @Column(name = "scenario")
    private Map<Integer, String> scenarios = new TreeMap<>();

    @ElementCollection
    @CollectionTable(name = "outcome_dimensions", joinColumns = @JoinColumn(name = "outcome_code"))
    @MapKeyColumn(name = "position")
    @AttributeOverride(name = "dimensionCode", column = @Column(name = "dimension_code"))
    @AttributeOverride(name = "paperLabel", column = @Column(name = "paper_label"))
    private Map<Integer, DimensionLink> dimensions = new TreeMap<>();

    protected OutcomeEntity() {
    }

    String code() {
        return code;
    }

    int position() {
        return position;
    }

    String name() {
        return name;
    }

    String note() {
        return note;
    }

    Map<Integer, String> scenarios() {
        return scenarios;
    }

    Map<Integer, DimensionLink> dimensions() {
        return dimensions;
    }

    @Embeddable
    record DimensionLink(String dimensionCode, String paperLabel) {
    }
}
