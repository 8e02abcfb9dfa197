package dev.mpem.portal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "levels")
class LevelEntity {

    @Id
    @Column(name = "level_number")
    private int number;

    private String name;

    private String narrative;

    protected LevelEntity() {
    }

    int number() {
        return number;
    }

    String name() {
        return name;
    }

    String narrative() {
        return narrative;
    }
}
