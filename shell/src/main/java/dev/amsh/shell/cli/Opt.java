package dev.amsh.shell.cli;

import dev.amsh.error.AmshException;
import dev.amsh.shell.render.Format;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed option, declared once as a constant of its command ({@code static final Opt<Integer> TOP =
 * Opt.number("top", 1, 1_000_000, "at most this many")}): its {@link OptionSpec} (help, completion, hints and
 * docs/commands.md come from it) and the conversion of what was typed into a value the command reads with
 * {@link Invocation#get}. Conversion happens when the line is parsed, so a bad value is one line naming the
 * option and what it expects, and the command never starts.
 *
 * @param spec     the option as help and completion show it
 * @param convert  text (or an object from Groovy) to a value; throws {@link Refusal} saying what it expects
 * @param fallback the value when the option is not given (a flag's is false)
 * @param repeated whether the option may be given more than once; its value is then the list of them all
 */
public record Opt<T>(OptionSpec spec, Converter<T> convert, T fallback, boolean repeated) {

    /** Text or an object to a value; {@link Refusal} says what was expected. */
    @FunctionalInterface
    public interface Converter<T> {
        T convert(Object raw);
    }

    /** What a converter throws: what the option expects ("must be a whole number"), without the option's name. */
    public static final class Refusal extends RuntimeException {
        private final boolean quoted;

        /** The given value follows in quotes: {@code --top must be a whole number, not 'many'}. */
        public Refusal(String expected) {
            this(expected, true);
        }

        /** {@code quoted} false for a value that reads as a number: {@code --top must be between 1 and 1000, not 0}. */
        public Refusal(String expected, boolean quoted) {
            super(expected, null, false, false);
            this.quoted = quoted;
        }
    }

    private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)(ms|s|m|h)?$");

    public String name() {
        return spec.name();
    }

    /** {@code --dry-run}: true when given ({@code --dry-run=false} says false). */
    public static Opt<Boolean> flag(String name, String help) {
        return new Opt<>(OptionSpec.flag(name, help), raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            // anything but true or false is refused: a misspelt --dry-run=ture must never mean real writes
            return switch (Invocation.text(raw).trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new Refusal("must be true or false");
            };
        }, false, false);
    }

    /** An option with a conversion of its own ({@code --kind v2|v3}: the context kinds' own words and refusal). */
    public static <T> Opt<T> of(OptionSpec spec, Converter<T> convert) {
        return new Opt<>(spec, convert, null, false);
    }

    /** Text; {@code kind} is what Tab completes (a context, an asset, a path…). */
    public static Opt<String> text(String name, ValueKind kind, String help) {
        return new Opt<>(OptionSpec.value(name, kind, help), Invocation::text, null, false);
    }

    /** A context's name ({@code --to b}), completed with the contexts. */
    public static Opt<String> context(String name, String help) {
        return text(name, ValueKind.CONTEXT, help);
    }

    /** A whole number within [min, max]. */
    public static Opt<Integer> number(String name, int min, int max, String help) {
        return new Opt<>(OptionSpec.value(name, ValueKind.NUMBER, help), raw -> {
            String v = Invocation.text(raw).trim();
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new Refusal("must be a whole number");
            }
            if (n < min || n > max) {
                throw new Refusal("must be between " + min + " and " + max, false);
            }
            return (int) n;
        }, null, false);
    }

    /** A duration as people type it: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    public static Opt<Duration> duration(String name, String help) {
        return new Opt<>(OptionSpec.value(name, ValueKind.TEXT, help), raw -> {
            if (raw instanceof Duration d) {
                return d;
            }
            return parseDuration(Invocation.text(raw)).orElseThrow(() -> new Refusal("must be a duration such as 500ms, 10s, 2m or 1h"));
        }, null, false);
    }

    /** One of an enum's values, typed in lower case with {@code -} for {@code _} ({@code --mode proxy}); Tab offers them. */
    public static <E extends Enum<E>> Opt<E> oneOf(String name, Class<E> values, String help) {
        List<String> words = Arrays.stream(values.getEnumConstants()).map(Opt::word).toList();
        Function<String, E> lookup = text -> Arrays.stream(values.getEnumConstants())
                .filter(e -> word(e).equals(text.trim().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        return new Opt<>(OptionSpec.value(name, ValueKind.TEXT, help).oneOf(words), raw -> {
            if (values.isInstance(raw)) {
                return values.cast(raw);
            }
            E e = lookup.apply(Invocation.text(raw));
            if (e == null) {
                throw new Refusal("must be one of " + String.join(", ", words));
            }
            return e;
        }, null, false);
    }

    /** A file or folder; relative to the folder amsh runs in. */
    public static Opt<Path> path(String name, String help) {
        return new Opt<>(OptionSpec.value(name, ValueKind.PATH, help), raw -> {
            if (raw instanceof Path p) {
                return p;
            }
            try {
                return Path.of(Invocation.text(raw));
            } catch (InvalidPathException e) {
                throw new Refusal("must be a path (" + e.getReason() + ")");
            }
        }, null, false);
    }

    /** The output format of {@code -o}: table, json or tsv. */
    public static Opt<Format> format(String name, String shortName, String help) {
        return new Opt<>(new OptionSpec(name, shortName, true, ValueKind.FORMAT, help, "table"),
                raw -> Format.parse(Invocation.text(raw)), Format.TABLE, false);
    }

    /** Text that may be given more than once ({@code --tag x --tag y}); the value is every one, in order. */
    public static Opt<List<String>> repeated(String name, ValueKind kind, String help) {
        return new Opt<>(OptionSpec.value(name, kind, help + " (may be given more than once)"), raw -> {
            List<String> out = new ArrayList<>();
            if (raw instanceof List<?> l) {
                l.forEach(v -> out.add(Invocation.text(v)));
            } else {
                out.add(Invocation.text(raw));
            }
            return List.copyOf(out);
        }, List.of(), true);
    }

    /** The value when the option is not given; help shows it as the default. */
    public Opt<T> orElse(T value) {
        return orElse(value, value instanceof Duration d ? formatDuration(d) : value instanceof Enum<?> e ? word(e) : String.valueOf(value));
    }

    /** The value when the option is not given, shown in help as {@code shown}. */
    public Opt<T> orElse(T value, String shown) {
        OptionSpec s = spec;
        return new Opt<>(new OptionSpec(s.name(), s.shortName(), s.takesValue(), s.kind(), s.help(), shown, s.required(), s.values()),
                convert, value, repeated);
    }

    /** An option the command cannot do without: its absence is one line, and usage shows it without brackets. */
    public Opt<T> required() {
        OptionSpec s = spec;
        return new Opt<>(new OptionSpec(s.name(), s.shortName(), s.takesValue(), s.kind(), s.help(), s.defaultValue(), true, s.values()),
                convert, fallback, repeated);
    }

    /** The same option with a one-letter form ({@code -o}). */
    public Opt<T> shortName(String letter) {
        OptionSpec s = spec;
        return new Opt<>(new OptionSpec(s.name(), letter, s.takesValue(), s.kind(), s.help(), s.defaultValue(), s.required(), s.values()),
                convert, fallback, repeated);
    }

    /** The same option, completed with these values ({@code --format hls|dash|smooth}). */
    public Opt<T> choices(List<String> values) {
        return new Opt<>(spec.oneOf(values), convert, fallback, repeated);
    }

    /** The same option completed as {@code kind} (a preset, a job…). */
    public Opt<T> completedAs(ValueKind kind) {
        OptionSpec s = spec;
        return new Opt<>(new OptionSpec(s.name(), s.shortName(), s.takesValue(), kind, s.help(), s.defaultValue(), s.required(), s.values()),
                convert, fallback, repeated);
    }

    /** The value of what was given ({@code null} when nothing was): one line naming the option otherwise. */
    T valueOf(Object raw, CommandSpec command) {
        if (raw == null) {
            return fallback;
        }
        try {
            return convert.convert(raw);
        } catch (Refusal r) {
            String given = Invocation.text(raw);
            throw new AmshException("--" + name() + " " + r.getMessage() + ", not " + (r.quoted ? "'" + given + "'" : given),
                    "usage: " + command.usage());
        }
    }

    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> value;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> value * 1000;
        };
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms >= 3_600_000) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
