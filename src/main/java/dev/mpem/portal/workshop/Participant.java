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

    /** A survey invitee's e-mail address, if given (for sending the link once mail exists). */
    private String email;

    protected Participant() {
    }

    Participant(long workshopId, String displayName, String browserKey, Instant now) {
        this.workshopId = workshopId;
        this.displayName = displayName;
        this.nameKey = keyOf(displayName);
        this.browserKey = browserKey;
        this.joinedAt = now;
    }

    /** An invitee of a survey: known by name (and e-mail), their key is their personal link. */
    static Participant invitee(long workshopId, String displayName, String email, String key, Instant now) {
        Participant invitee = new Participant(workshopId, displayName, key, now);
        invitee.email = email;
        return invitee;
    }

    String email() {
        return email;
    }

    long workshopId() {
        return workshopId;
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
