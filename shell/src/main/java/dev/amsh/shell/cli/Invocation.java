package dev.amsh.shell.cli;

import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.Job;
import dev.amsh.ams.model.Locator;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaJob;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.shell.render.Format;

import java.util.List;
import java.util.Map;

/**
 * One parsed call of a command: positional values and options. Values may be text (typed) or objects
 * (passed from Groovy: an Asset where an asset is expected is taken by its Id).
 */
public record Invocation(CommandSpec spec, List<Object> params, Map<String, Object> options) {

    public String param(int i) {
        return i < params.size() ? text(params.get(i)) : null;
    }

    public String requireParam(int i) {
        String v = param(i);
        if (v == null || v.isBlank()) {
            ParamSpec p = spec.params().get(Math.min(i, spec.params().size() - 1));
            throw new AmshException(spec.name() + " needs " + p.name(), "usage: " + spec.usage());
        }
        return v;
    }

    /** The value of a typed option: converted, or its default when not given. */
    public <T> T get(Opt<T> opt) {
        if (!spec.declares(opt)) {
            // reading an option the command did not declare is a bug in the command, never the user's input
            throw new IllegalStateException("--" + opt.name() + " is not declared by " + spec.name());
        }
        return opt.valueOf(options.get(opt.name()), spec);
    }

    /** A typed option this call cannot do without (one that is required only with others): one line when absent. */
    public <T> T require(Opt<T> opt) {
        T v = get(opt);
        if (v == null || v instanceof String text && text.isBlank()) {
            throw new AmshException(spec.name() + " needs --" + opt.name(), "usage: " + spec.usage());
        }
        return v;
    }

    /** Whether a typed option was given at all (a default does not count). */
    public boolean given(Opt<?> opt) {
        get(opt);
        return options.get(opt.name()) != null;
    }

    /** The output format (-o): --output, or --output-format where a command's --output names something else (encode). */
    public Format format() {
        return spec.typed().stream().filter(o -> o.spec().kind() == ValueKind.FORMAT).findFirst()
                .map(o -> (Format) get(o)).orElse(Format.TABLE);
    }

    /** Text of a value; entities passed from scripts stand for their Id. */
    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Asset a) {
            return a.id();
        }
        if (v instanceof Locator l) {
            return l.id();
        }
        if (v instanceof MediaAsset a) {
            return a.id();
        }
        if (v instanceof ContainerGrant g) {
            return g.id();
        }
        if (v instanceof OriginLocator l) {
            return l.id();
        }
        if (v instanceof Job j) {
            return j.id();
        }
        if (v instanceof MediaJob j) {
            return j.id();
        }
        return v.toString();
    }
}
