package dev.mpem.portal.workshop;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone in the room, known only by the name they gave (and their browser's key). */
@Entity
@Table(name = "workshop_participants")
class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "workshop_id")
    private long workshopId;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "browser_key")
    private String browserKey;

    @Column(name = "joined_at")
    private Instant joinedAt;

    protected Participant() {
    }

    Participant(long workshopId, String displayName, String browserKey, Instant now) {
        this.workshopId = workshopId;
        this.displayName = displayName;
        this.nameKey = keyOf(displayName);
        this.browserKey = browserKey;
        this.joinedAt = now;
    }

    static String keyOf(String name) {
        return dev.mpem.portal.shared.Text.nameKey(name);
    }

    Long id() {
        return id;
    }

    String nameKey() {
        return nameKey;
    }

    String browserKey() {
        return browserKey;
    }

    String displayName() {
        return displayName;
    }
}
