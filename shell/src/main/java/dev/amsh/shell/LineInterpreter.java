package dev.amsh.shell;

import dev.amsh.error.AmshException;
import dev.amsh.shell.cli.LineTokenizer;
import dev.amsh.shell.render.FailingResult;
import dev.amsh.shell.render.Format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed line to what runs: statements split at {@code ;}, aliases expanded, {@code x = command} kept in a
 * variable, a trailing {@code &} sent to the background, a pipe, a command, or Groovy. The same for the
 * prompt, {@code -c} and {@code sh(…)}; the session dispatches the commands.
 */
final class LineInterpreter {
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?!=)(.+)$");

    private final Session session;

    LineInterpreter(Session session) {
        this.session = session;
    }

    /** Runs one line as typed: a command, an assignment of a command's result, or Groovy. Prints the result. */
    Object execute(String line) throws Exception {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        session.history().add(session.redactor().redact(trimmed));
        session.log().info("line: " + trimmed);
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
        int id = session.background().start(line, variable -> {
            Object result = runQuietly(line);
            if (result != null) {
                session.variables().put(variable, Session.unwrap(result));
            }
        });
        String started = "[" + id + "] running in the background: " + line + " ('bg' lists background work)";
        session.console().out().println(session.redactor().redact(started));
        session.console().out().flush();
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
        if (assign.matches() && session.startsWithCommand(assign.group(2))) {
            Object result = runLine(assign.group(2), false);
            session.variables().put(assign.group(1), Session.unwrap(result));
            return result;
        }
        if (session.startsWithCommand(trimmed)) {
            Object result = runLine(trimmed, false);
            if (result instanceof FailingResult f) {
                throw f.failure();
            }
            return result;
        }
        return session.scripts().evaluate(trimmed);
    }

    private String expandAlias(String statement) {
        Matcher assign = ASSIGNMENT.matcher(statement);
        if (assign.matches()) {
            String value = session.aliases().expand(assign.group(2));
            return value.equals(assign.group(2)) ? statement : assign.group(1) + " = " + value;
        }
        String first = statement.strip().split("\\s+", 2)[0];
        return session.variables().containsKey(first) ? statement : session.aliases().expand(statement);
    }

    private Object executeExpanded(String trimmed) throws Exception {
        Matcher assign = ASSIGNMENT.matcher(trimmed);
        if (assign.matches() && session.startsWithCommand(assign.group(2))) {
            Object result = runLine(assign.group(2), false);
            session.variables().put(assign.group(1), Session.unwrap(result));
            session.variables().put("_", Session.unwrap(result));
            return result;
        }
        if (session.startsWithCommand(trimmed)) {
            return runLine(trimmed, true);
        }
        LineHints.refuseTypo(trimmed, session.registry().heads(), session.variables().keySet());
        Object result = session.scripts().evaluate(trimmed);
        if (result != null) {
            session.variables().put("_", result);
            session.renderer().print(result, Format.TABLE, session.console().out());
        }
        return result;
    }

    /** A command line, or a pipe of stages after a command ({@code assets ls | where { … }}). */
    private Object runLine(String line, boolean print) throws Exception {
        List<String> stages = Pipeline.stages(line);
        return stages.size() == 1 ? session.runCommandLine(line, print) : Pipeline.run(session, stages, print);
    }
}
