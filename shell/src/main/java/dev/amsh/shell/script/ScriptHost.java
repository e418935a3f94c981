package dev.amsh.shell.script;

import dev.amsh.error.AmshException;
import dev.amsh.shell.ExitRequest;
import dev.amsh.shell.ScriptEngine;
import dev.amsh.shell.ScriptSession;
import groovy.lang.Binding;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Groovy engine of a session, sharing its variables with the console. Built on first use: the prompt
 * never waits for Groovy to load. Typed lines keep what they define (variables, methods, classes, imports);
 * every loop checks for an interrupt, so Ctrl-C stops a {@code while (true) { }}.
 */
public final class ScriptHost implements ScriptEngine {
    private final ScriptSession session;
    private final GroovyShell shell;
    private final Binding binding;
    private final SessionDefinitions definitions = new SessionDefinitions();
    private final AtomicInteger lines = new AtomicInteger();

    public ScriptHost(ScriptSession session) {
        this.session = session;
        this.binding = new Binding(session.variables());
        binding.setVariable(AmshScript.SESSION, session);
        // print, printf and println in scripts write to "out": make it one that masks secrets
        binding.setVariable("out", new RedactingWriter(session));
        session.hideVariables(List.of(AmshScript.SESSION, "out", "args"));
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(AmshScript.class.getName());
        config.addCompilationCustomizers(new ASTTransformationCustomizer(ThreadInterrupt.class), new TopLevelDeclarations());
        this.shell = new GroovyShell(ScriptHost.class.getClassLoader(), binding, config);
    }

    @Override
    public Object evaluate(String code) {
        return evaluate(code, TopLevelDeclarations.LINE_PREFIX + lines.incrementAndGet() + ".groovy");
    }

    /**
     * Runs the init script as typed lines would run (what it defines stays for the session); an error names
     * the file and line and leaves the session usable.
     */
    @Override
    public void runInit(Path file) {
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw new AmshException("cannot read " + file + ": " + e.getMessage(), "check the file, or start amsh with --no-init");
        }
        String name = TopLevelDeclarations.LINE_PREFIX + "_init" + lines.incrementAndGet() + ".groovy";
        String shown = file.getFileName().toString();
        try {
            evaluate(code, name);
        } catch (ExitRequest e) {
            throw e;
        } catch (RuntimeException e) {
            RuntimeException located = ScriptLocation.of(shown, name, code, e);
            if (located != e) {
                throw located;
            }
            // a compile error names the line itself, under the name it was compiled as
            throw new AmshException(shown + ": " + String.valueOf(e.getMessage()).replace(name, shown),
                    "fix " + file + ", or start amsh with --no-init", e);
        }
    }

    private Object evaluate(String code, String name) {
        try {
            SessionDefinitions.Prepared line = definitions.prepare(code, name);
            Class<?> compiled = shell.getClassLoader().parseClass(new GroovyCodeSource(line.text(), name, GroovyShell.DEFAULT_CODE_BASE), false);
            definitions.commit(line);
            if (!Script.class.isAssignableFrom(compiled)) {
                // a line that only declares a class defines it; there is nothing to run
                return null;
            }
            return InvokerHelper.createScript(compiled, binding).run();
        } catch (MissingPropertyException e) {
            if (code.strip().equals(e.getProperty())) {
                throw new AmshException("unknown command or variable '" + e.getProperty() + "'", "type 'help' for the commands");
            }
            throw missingProperty(e, code);
        } catch (CompilationFailedException e) {
            throw new AmshException("not a command, and not valid Groovy: " + firstLine(e.getMessage()),
                    "type 'help' for the commands");
        } catch (AmshException | ExitRequest e) {
            throw e;
        } catch (RuntimeException e) {
            // a Groovy expression failed (null.x, 1/0, a bad index): say so plainly, without a Java class name
            throw new AmshException("Groovy: " + firstLine(String.valueOf(e.getMessage())), "check the expression", e);
        }
    }

    @Override
    public Definitions definitions() {
        return new Definitions(definitions.imports(), definitions.methods(), definitions.classes());
    }

    @Override
    public void forget() {
        definitions.clear();
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

    /** Runs a runbook with its arguments as {@code args}; an error names the runbook's line and shows it. */
    @Override
    public Object runFile(Path file, List<String> args) {
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw new AmshException("cannot read " + file + ": " + e.getMessage(), "check the path");
        }
        binding.setVariable("args", args.toArray(new String[0]));
        try {
            return shell.evaluate(code, file.getFileName().toString());
        } catch (CompilationFailedException e) {
            throw new AmshException(file + " does not compile: " + firstLine(e.getMessage()), "fix the script");
        } catch (ExitRequest e) {
            throw e;
        } catch (RuntimeException e) {
            String name = file.getFileName().toString();
            throw ScriptLocation.of(name, name, code, e);
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
