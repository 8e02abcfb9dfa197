package dev.mpem.portal.assessment;

/** A rating agreed in a workshop: why, and how confident the room's votes make it (null without votes). */
public record Agreement(String reason, Confidence confidence) {
}
