package dev.amsh.shell;

import dev.amsh.context.Contexts;
import dev.amsh.redact.Redactor;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The session as Groovy sees it: the variables it shares, where {@code out} writes, the commands it may call
 * as methods, typed lines it may run ({@code sh(…)}) and the contexts it offers as values ({@code a}, {@code b}).
 */
public interface ScriptSession {
    /** The variables typed lines and Groovy share ({@code x = assets ls}, {@code _}). */
    Map<String, Object> variables();

    /** Names the engine keeps in the variables for itself; {@code vars} and {@code reset} leave them alone. */
    void hideVariables(Collection<String> names);

    Console console();

    Redactor redactor();

    CommandRegistry registry();

    /** Runs a command with named options and positional values; returns its result unprinted. */
    Object call(String name, Map<String, Object> options, List<Object> params) throws Exception;

    /** Runs a line as typed (statements, aliases, pipes, Groovy) for its result, printing nothing. */
    Object runQuietly(String line) throws Exception;

    boolean hasContext(String name);

    Contexts contexts();
}
