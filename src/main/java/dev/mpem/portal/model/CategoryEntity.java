package dev.mpem.portal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "categories")
class CategoryEntity {

    @Id
    private String code;

    private int position;

    private String name;

    @Column(name = "short_name")
    private String shortName;

    protected CategoryEntity() {
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

    String shortName() {
        return shortName;
    }
}
