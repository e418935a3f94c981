package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.shell.cli.LineTokenizer;
import dev.amsh.shell.render.FailingResult;
import dev.amsh.shell.render.Format;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed line to what runs: statements split at {@code ;}, aliases expanded, {@code x = command} kept in a
 * variable, a trailing {@code &} sent to the background, a pipe, a command, or Groovy. The same for the
 * prompt, {@code -c} and {@code sh(…)}; the {@link Dispatcher} runs the commands, the script engine the Groovy.
 */
final class LineInterpreter {
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?!=)(.+)$");

    private final SessionState state;
    private final Dispatcher dispatcher;
    private final Supplier<ScriptEngine> scripts;

    LineInterpreter(SessionState state, Dispatcher dispatcher, Supplier<ScriptEngine> scripts) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.scripts = scripts;
    }

    /** Runs one line as typed: a command, an assignment of a command's result, or Groovy. Prints the result. */
    Object execute(String line) throws Exception {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        state.history().add(state.redactor().redact(trimmed));
        state.log().info("line: " + trimmed);
        if (trimmed.endsWith("&") && !trimmed.endsWith("&&")) {
            return startInBackground(trimmed.substring(0, trimmed.length() - 1).strip());
        }
        // a line is split into statements the same way typed, in -c and in a script: "x = assets ls; x.size()"
        Object result = null;
        for (String statement : LineTokenizer.statements(trimmed)) {
            result = executeStatement(statement);
        }
        return result;
    }

    private Object executeStatement(String statement) throws Exception {
        String trimmed = expandAlias(statement);
        List<String> expanded = LineTokenizer.statements(trimmed);
        if (expanded.size() > 1) {
            // an alias for several statements: they run in turn, their words not expanded again
            Object result = null;
            for (String s : expanded) {
                result = executeExpanded(s);
            }
            return result;
        }
        return executeExpanded(trimmed);
    }

    /** {@code replicate --all --to b &}: the line runs on its own thread and the prompt comes back. */
    private Object startInBackground(String line) {
        if (line.isEmpty()) {
            throw new AmshException("nothing to run in the background", "put & after a command: replicate --all --to b &");
        }
        int id = state.background().start(line, variable -> {
            Object result = runQuietly(line);
            if (result != null) {
                state.variables().put(variable, Dispatcher.unwrap(result));
            }
        });
        String started = "[" + id + "] running in the background: " + line + " ('bg' lists background work, 'kill %" + id + "' stops it)";
        state.console().out().println(state.redactor().redact(started));
        state.console().out().flush();
        return started;
    }

    /** A line run for its result, printing nothing ({@code sh(…)} in Groovy, background work). */
    Object runQuietly(String line) throws Exception {
        Object result = null;
        for (String statement : LineTokenizer.statements(line)) {
            result = executeQuietly(statement);
        }
        return result;
    }

    /** A statement whose result is kept, not printed: background work prints only its notice. */
    private Object executeQuietly(String statement) throws Exception {
        String trimmed = expandAlias(statement);
        Matcher assign = ASSIGNMENT.matcher(trimmed);
        if (assign.matches() && dispatcher.startsWithCommand(assign.group(2))) {
            Object result = runLine(assign.group(2), false);
            state.variables().put(assign.group(1), Dispatcher.unwrap(result));
            return result;
        }
        if (dispatcher.startsWithCommand(trimmed)) {
            Object result = runLine(trimmed, false);
            if (result instanceof FailingResult f) {
                throw f.failure();
            }
            return result;
        }
        return scripts.get().evaluate(trimmed);
    }

    private String expandAlias(String statement) {
        Matcher assign = ASSIGNMENT.matcher(statement);
        if (assign.matches()) {
            String value = state.aliases().expand(assign.group(2));
            return value.equals(assign.group(2)) ? statement : assign.group(1) + " = " + value;
        }
        String first = statement.strip().split("\\s+", 2)[0];
        return state.variables().containsKey(first) ? statement : state.aliases().expand(statement);
    }

    private Object executeExpanded(String trimmed) throws Exception {
        Matcher assign = ASSIGNMENT.matcher(trimmed);
        if (assign.matches() && dispatcher.startsWithCommand(assign.group(2))) {
            Object result = runLine(assign.group(2), false);
            state.variables().put(assign.group(1), Dispatcher.unwrap(result));
            state.variables().put("_", Dispatcher.unwrap(result));
            return result;
        }
        if (dispatcher.startsWithCommand(trimmed)) {
            return runLine(trimmed, true);
        }
        LineHints.refuseTypo(trimmed, dispatcher.registry().heads(), state.variables().keySet());
        Object result = scripts.get().evaluate(trimmed);
        if (result != null) {
            state.variables().put("_", result);
            state.renderer().print(result, Format.TABLE, state.console().out());
        }
        return result;
    }

    /** A command line, or a pipe of stages after a command ({@code assets ls | where { … }}). */
    private Object runLine(String line, boolean print) throws Exception {
        List<String> stages = Pipeline.stages(line);
        return stages.size() == 1 ? dispatcher.runCommandLine(line, print, List.of())
                : new Pipeline(state, dispatcher, scripts).run(stages, print);
    }
}
