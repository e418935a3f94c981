package dev.amsh.shell.script;

import dev.amsh.error.AmshException;
import dev.amsh.shell.Session;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Groovy engine of a session, sharing its variables with the console. Built on first use: the prompt
 * never waits for Groovy to load.
 */
public final class ScriptHost {
    private final Session session;
    private final GroovyShell shell;
    private final Binding binding;

    public ScriptHost(Session session) {
        this.session = session;
        this.binding = new Binding(session.variables());
        binding.setVariable(AmshScript.SESSION, session);
        // print, printf and println in scripts write to "out": make it one that masks secrets
        binding.setVariable("out", new RedactingWriter(session));
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(AmshScript.class.getName());
        this.shell = new GroovyShell(ScriptHost.class.getClassLoader(), binding, config);
    }

    public Object evaluate(String code) {
        try {
            return shell.evaluate(code);
        } catch (groovy.lang.MissingPropertyException e) {
            if (code.strip().equals(e.getProperty())) {
                throw new AmshException("unknown command or variable '" + e.getProperty() + "'", "type 'help' for the commands");
            }
            throw missingProperty(e, code);
        } catch (CompilationFailedException e) {
            throw new AmshException("not a command, and not valid Groovy: " + firstLine(e.getMessage()),
                    "type 'help' for the commands");
        } catch (AmshException | dev.amsh.shell.commands.SessionCommands.ExitRequest e) {
            throw e;
        } catch (RuntimeException e) {
            // a Groovy expression failed (null.x, 1/0, a bad index): say so plainly, without a Java class name
            throw new AmshException("Groovy: " + firstLine(String.valueOf(e.getMessage())), "check the expression", e);
        }
    }

    /** A property a value does not have: its name, the value's type and the properties it has; a variable never set. */
    static AmshException missingProperty(groovy.lang.MissingPropertyException e, String code) {
        String property = e.getProperty();
        if (property == null) {
            // some paths build the exception from a message only: "No such property: p for class: T"
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("No such property: (\\S+)").matcher(String.valueOf(e.getMessage()));
            property = m.find() ? m.group(1) : "?";
        }
        Class<?> type = e.getType();
        if (type == null || groovy.lang.Script.class.isAssignableFrom(type)) {
            return new AmshException("no variable '" + property + "' in: " + code.strip(), "set it first (x = assets ls), or type 'help'");
        }
        String has = type.isRecord() ? "its properties: " + java.util.Arrays.stream(type.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.joining(", "))
                : "check the name; x.properties lists what it has";
        return new AmshException(type.getSimpleName() + " has no property '" + property + "': " + code.strip(), has);
    }

    /** Runs a runbook with its arguments as {@code args}; the contexts are bound as {@code a} and {@code b}. */
    public Object runFile(Path file, List<String> args) {
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw new AmshException("cannot read " + file + ": " + e.getMessage(), "check the path");
        }
        binding.setVariable("args", args.toArray(new String[0]));
        for (String name : session.contexts().names()) {
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !binding.hasVariable(name)) {
                binding.setVariable(name, session.contexts().get(name));
            }
        }
        try {
            return shell.evaluate(code, file.getFileName().toString());
        } catch (CompilationFailedException e) {
            throw new AmshException(file + " does not compile: " + firstLine(e.getMessage()), "fix the script");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String[] lines = s.split("\n");
        for (String l : lines) {
            if (!l.isBlank() && !l.startsWith("startup failed")) {
                return l.trim();
            }
        }
        return lines[0];
    }
}
