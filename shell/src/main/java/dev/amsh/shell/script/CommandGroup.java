package dev.amsh.shell.script;

import dev.amsh.error.AmshException;
import dev.amsh.shell.Session;
import groovy.lang.GroovyObjectSupport;

/** A command group in Groovy: {@code assets.ls(name: 'x*')} calls the "assets ls" command. */
public final class CommandGroup extends GroovyObjectSupport {
    private final Session session;
    private final String head;

    CommandGroup(Session session, String head) {
        this.session = session;
        this.head = head;
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        String full = head + " " + name;
        if (session.registry().get(full).isEmpty()) {
            throw new AmshException("'" + name + "' is not a subcommand of " + head,
                    "one of: " + String.join(", ", session.registry().subcommands(head)));
        }
        CallArgs a = CallArgs.of(args);
        try {
            return session.call(full, a.options(), a.params());
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
