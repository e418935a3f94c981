package dev.amsh.shell.render;

/**
 * A result with a text rendering of its own for table mode; {@code -o json|tsv} print {@link #value()}.
 * In Groovy the value is what a variable holds.
 */
public record TextView(String text, Object value) {
}
