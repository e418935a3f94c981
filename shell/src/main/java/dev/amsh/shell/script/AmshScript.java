package dev.amsh.shell.script;

import dev.amsh.error.AmshException;
import dev.amsh.shell.ScriptSession;
import groovy.lang.Script;

/**
 * The base class of every Groovy line and runbook: each command is a method ({@code copy(asset, to: 'b')},
 * {@code failover('movie', from: 'a', to: 'b')}), each command group an object ({@code assets.ls()}),
 * and {@code sh('assets ls --top 3')} runs a typed line. All return the objects the shell prints.
 */
public abstract class AmshScript extends Script {
    static final String SESSION = "__amshSession";

    private ScriptSession session() {
        return (ScriptSession) getBinding().getVariable(SESSION);
    }

    public Object methodMissing(String name, Object args) {
        ScriptSession s = session();
        if (s.registry().get(name).isPresent()) {
            CallArgs a = CallArgs.of(args);
            try {
                return s.call(name, a.options(), a.params());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AmshException(name + " failed: " + e.getMessage(), "", e);
            }
        }
        if (!s.registry().subcommands(name).isEmpty()) {
            throw new AmshException(name + " is a command group", "call one of its commands: " + name + "."
                    + String.join("(), " + name + ".", s.registry().subcommands(name)) + "()");
        }
        throw new groovy.lang.MissingMethodException(name, getClass(), args instanceof Object[] o ? o : new Object[] {args});
    }

    public Object propertyMissing(String name) {
        ScriptSession s = session();
        if (!s.registry().subcommands(name).isEmpty()) {
            return new CommandGroup(s, name);
        }
        // a context's name (a, b) is the context, with its commands as methods, unless a variable took the name
        if (s.hasContext(name)) {
            return new ContextHandle(s, name, s.contexts().get(name));
        }
        throw new groovy.lang.MissingPropertyException(name, getClass());
    }

    /** Runs a line as if typed at the prompt (statements, aliases, pipes) and returns its result, unprinted. */
    public Object sh(String line) throws Exception {
        return session().runQuietly(line);
    }

    public dev.amsh.context.AccountContext context(String name) {
        return session().contexts().get(name);
    }
}
