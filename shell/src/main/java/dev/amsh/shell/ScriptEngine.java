package dev.amsh.shell;

import java.nio.file.Path;
import java.util.List;

/**
 * The Groovy side of a session as the session sees it. The session is handed a factory and builds the
 * engine on first use, so the prompt never waits for Groovy, and the session names no script class.
 */
public interface ScriptEngine {
    /** Evaluates one line (or a block) of Groovy in the session's state; returns its value. */
    Object evaluate(String code);

    /** Runs the init script as typed lines run, so what it defines stays for the session. */
    void runInit(Path file);

    /** What typed lines defined besides variables: imports, methods (first lines) and classes. */
    Definitions definitions();

    /** Forgets every import, method and class typed lines defined. */
    void forget();

    record Definitions(List<String> imports, List<String> methods, List<String> classes) {
    }

    /** Runs a runbook with its arguments as {@code args}. */
    Object runFile(Path file, List<String> args);
}
