package dev.amsh.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands about the shell itself see besides a {@link CommandContext}: the registry (help), history,
 * trace, aliases, settings, the variables and definitions of Groovy (vars, reset), background work and the log.
 */
public interface ShellControl extends CommandContext {
    CommandRegistry registry();

    List<String> history();

    boolean tracing();

    void setTracing(boolean on);

    Aliases aliases();

    Settings settings();

    /** The variables a person defined (and {@code _}), without the engine's own. */
    Map<String, Object> userVariables();

    /** What typed Groovy defined besides variables, when a line has needed Groovy at all. */
    Optional<ScriptEngine.Definitions> definitions();

    /** Forgets every variable, method, class and import typed this session; contexts stay. */
    void resetDefinitions();

    BackgroundWork background();

    SessionLog log();

    /** Runs a command line as typed at the prompt, printing its result (the tutorial's steps). */
    Object runCommandLine(String line, boolean print) throws Exception;
}
