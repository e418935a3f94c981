package dev.amsh.shell.script;

import dev.amsh.error.AmshException;
import dev.amsh.shell.ScriptSession;
import groovy.lang.GroovyObjectSupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** A command group in Groovy: {@code assets.ls(name: 'x*')} calls the "assets ls" command. */
public final class CommandGroup extends GroovyObjectSupport {
    private final ScriptSession session;
    private final String head;
    private final String on;

    CommandGroup(ScriptSession session, String head) {
        this(session, head, null);
    }

    /** A group whose commands run on one context unless told otherwise ({@code b.assets.ls()}). */
    CommandGroup(ScriptSession session, String head, String on) {
        this.session = session;
        this.head = head;
        this.on = on;
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        String full = head + " " + name;
        if (session.registry().get(full).isEmpty()) {
            throw new AmshException("'" + name + "' is not a subcommand of " + head,
                    "one of: " + String.join(", ", session.registry().subcommands(head)));
        }
        CallArgs a = CallArgs.of(args);
        Map<String, Object> options = new LinkedHashMap<>(a.options());
        if (on != null) {
            options.putIfAbsent("on", on);
        }
        try {
            return session.call(full, options, a.params());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AmshException(full + " failed: " + e.getMessage(), "", e);
        }
    }

    @Override
    public String toString() {
        return head + " (" + String.join(", ", session.registry().subcommands(head)) + ")";
    }
}
