package dev.mpem.portal.shared;

/** What is wrong with one field of a request, in words a user can act on. */
public record FieldProblem(String field, String message, Object rejectedValue) {
}
