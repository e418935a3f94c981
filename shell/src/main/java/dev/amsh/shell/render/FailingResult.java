package dev.amsh.shell.render;

import dev.amsh.error.AmshException;

/**
 * A result that is also a failure: a typed line prints {@code result}, then fails with {@code failure} (so
 * {@code -c} and runbook lines exit non-zero); a runbook calling the command as a method gets the result's value
 * and decides for itself ({@code if (!compare('a', 'b').inSync()) …}).
 */
public record FailingResult(Object result, AmshException failure) {
}
