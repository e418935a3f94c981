package dev.amsh.shell.commands;

import dev.amsh.error.AmshException;
import dev.amsh.shell.ShellCommand;
import dev.amsh.shell.ShellControl;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;

/** {@code hints on|off}: the options of the command being typed, with their help, under the line. */
public final class HintsCommand implements ShellCommand {
    public static final String SETTING = "hints";

    public CommandSpec spec() {
        return CommandSpec.of("hints", "show the options of the command being typed, with their help, while typing")
                .param(ParamSpec.optional("on|off", ValueKind.ON_OFF, "switch the hints (kept in ~/.amsh/settings); without it, say whether they are on"))
                .build();
    }

    public Object run(Invocation inv, ShellControl s) {
        String v = inv.param(0);
        if (v != null) {
            if (!v.equals("on") && !v.equals("off")) {
                throw new AmshException("hints takes on or off, not '" + v + "'", "usage: hints on|off");
            }
            s.settings().set(SETTING, v);
        }
        return "hints are " + (s.settings().isOn(SETTING, true) ? "on" : "off");
    }
}
