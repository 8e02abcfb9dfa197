package dev.mpem.portal.account;

/** An enabled consultant or admin, as a list of whom may look after an organisation names them. */
public record Colleague(long id, String displayName) {
}
