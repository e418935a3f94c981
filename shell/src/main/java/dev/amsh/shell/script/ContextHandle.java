package dev.amsh.shell.script;

import dev.amsh.context.AccountContext;
import dev.amsh.error.AmshException;
import dev.amsh.shell.ScriptSession;
import groovy.lang.GroovyObjectSupport;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A context as a Groovy value ({@code a}, {@code b}): its commands are methods that run on it
 * ({@code b.assets(name: 'x*')} is {@code assets ls --name 'x*' --on b}, {@code b.assets.show('movie')},
 * {@code b.compare('a')}); anything else is the context itself ({@code b.name()}).
 */
public final class ContextHandle extends GroovyObjectSupport {
    private final ScriptSession session;
    private final AccountContext context;
    private final String name;

    ContextHandle(ScriptSession session, String name, AccountContext context) {
        this.session = session;
        this.name = name;
        this.context = context;
    }

    /** The context this handle runs commands on. */
    public AccountContext context() {
        return context;
    }

    @Override
    public Object invokeMethod(String method, Object args) {
        String command = session.registry().get(method).isPresent() ? method
                : session.registry().get(method + " ls").isPresent() ? method + " ls" : null;
        if (command == null) {
            return InvokerHelper.invokeMethod(context, method, args);
        }
        CallArgs a = CallArgs.of(args);
        Map<String, Object> options = new LinkedHashMap<>(a.options());
        options.putIfAbsent("on", name);
        try {
            return session.call(command, options, a.params());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AmshException(command + " failed: " + e.getMessage(), "", e);
        }
    }

    @Override
    public Object getProperty(String property) {
        if (!session.registry().subcommands(property).isEmpty()) {
            return new CommandGroup(session, property, name);
        }
        return InvokerHelper.getProperty(context, property);
    }

    @Override
    public String toString() {
        return "context " + name + " (its commands are methods: " + name + ".assets(name: 'x*'), "
                + name + ".assets.show('movie'))";
    }
}
