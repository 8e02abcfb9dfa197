package dev.mpem.portal.shared;

/** A signed-in person as far as showing them a page goes: the zone they read times in (null: the portal's). */
public interface Reader {

    String timeZone();
}
