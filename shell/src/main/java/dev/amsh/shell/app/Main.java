package dev.amsh.shell.app;

import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.AmshVersion;
import dev.amsh.shell.Console;
import dev.amsh.shell.ExitRequest;
import dev.amsh.shell.LocalPairConnector;
import dev.amsh.shell.Session;
import dev.amsh.shell.SessionLog;
import dev.amsh.shell.StartupTrace;
import dev.amsh.shell.cli.LineTokenizer;
import dev.amsh.shell.repl.Repl;
import dev.amsh.shell.repl.SystemTerminal;
import dev.amsh.shell.script.ScriptHost;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * amsh's entry point: the REPL, {@code -c "cmd; cmd"}, {@code amsh SCRIPT.groovy args}, and {@code amsh local …}.
 * With no contexts configured, contexts a and b connect to the local pair (started in the background, so
 * the prompt does not wait for it).
 */
public final class Main {
    private final Map<String, String> env;
    private final Path home;

    public Main(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static void main(String[] args) {
        int status = new Main(System.getenv(), Path.of(System.getProperty("user.home"))).run(args);
        System.out.flush();
        System.exit(status);
    }

    /** Options every mode shares. */
    record Options(String contextsFile, Path dataDir, boolean dataGiven, boolean showSecrets, boolean debug,
                   boolean local, String commands, List<String> rest, boolean noInit, String logLevel,
                   List<DatacenterKind> localKinds) {
        /** The kinds of a pair this start makes: those asked for with --local-kind, else today's v2 pair. */
        List<DatacenterKind> pairKinds() {
            return localKinds == null ? DEFAULT_KINDS : localKinds;
        }
    }

    static final List<DatacenterKind> DEFAULT_KINDS = List.of(DatacenterKind.V2, DatacenterKind.V2);

    Options parse(String[] args) {
        String contexts = null;
        Path data = null;
        boolean show = false;
        boolean debug = false;
        boolean local = false;
        boolean noInit = false;
        String logLevel = "info";
        List<DatacenterKind> kinds = null;
        String commands = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!rest.isEmpty()) {
                rest.add(a);
                continue;
            }
            switch (a) {
                case "--contexts" -> contexts = value(args, ++i, a);
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--show-secrets" -> show = true;
                case "--debug" -> debug = true;
                case "--local" -> local = true;
                case "--local-kind" -> {
                    kinds = localKinds(value(args, ++i, a));
                    local = true;
                }
                case "--no-init" -> noInit = true;
                case "--log-level" -> logLevel = value(args, ++i, a);
                case "-c" -> commands = value(args, ++i, a);
                default -> {
                    if (a.startsWith("-") && !a.equals("-h") && !a.equals("--help") && !a.equals("--version")) {
                        throw new AmshException("unknown option " + a, "see amsh --help");
                    }
                    rest.add(a);
                }
            }
        }
        // a pair of other kinds keeps its data apart from today's v2 pair, so neither start finds the other's
        Path dataDir = data != null ? data : kinds == null || kinds.equals(DEFAULT_KINDS) ? defaultDataDir()
                : defaultDataDir().resolveSibling(defaultDataDir().getFileName() + "-" + kinds.get(0).word() + "-" + kinds.get(1).word());
        return new Options(contexts, dataDir, data != null, show, debug, local, commands, rest, noInit, logLevel, kinds);
    }

    private static List<DatacenterKind> localKinds(String text) {
        try {
            return DatacenterKind.pair(text);
        } catch (IllegalArgumentException e) {
            throw new AmshException("--local-kind: " + e.getMessage().replace("--kind", "--local-kind"),
                    "e.g. amsh --local-kind v3 (both v3) or --local-kind v2,v3 (a v2, b v3)");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new AmshException(option + " needs a value", "see amsh --help");
        }
        return args[i];
    }

    Path defaultDataDir() {
        String fromEnv = env.get("AMSH_LOCAL_DATA");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : home.resolve(".amsh").resolve("local");
    }

    static Path toolsDir(Map<String, String> env, Path home) {
        String amshHome = System.getProperty("amsh.home", env.get("AMSH_HOME"));
        Path base = amshHome != null ? Path.of(amshHome) : home;
        return base.resolve(".amsh").resolve("tools");
    }

    public int run(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        Options options;
        try {
            options = parse(args);
        } catch (AmshException e) {
            err.println("amsh: " + e.oneLine());
            return 2;
        }
        if (!options.rest().isEmpty() && options.rest().get(0).equals("local")) {
            return new LocalMain(options, toolsDir(env, home), err, defaultDataDir()).run(options.rest().subList(1, options.rest().size()));
        }
        if (!options.rest().isEmpty() && (options.rest().get(0).equals("--help") || options.rest().get(0).equals("-h"))) {
            System.out.println(USAGE);
            return 0;
        }
        if (!options.rest().isEmpty() && options.rest().get(0).equals("--version")) {
            System.out.println("amsh " + AmshVersion.version());
            return 0;
        }
        StartupTrace.mark("main");
        Redactor redactor = new Redactor();
        redactor.setRevealing(options.showSecrets());
        boolean interactive = options.commands() == null && options.rest().isEmpty();
        StartupWork startup = new StartupWork(redactor, env, options.dataDir(),
                ContextsFile.locate(options.contextsFile(), env, home), interactive);
        Terminal terminal = null;
        Console console;
        try {
            if (interactive) {
                terminal = SystemTerminal.open();
                console = Repl.console(terminal);
            } else {
                console = Console.plain(new PrintWriter(System.out, true), err);
            }
        } catch (IOException e) {
            err.println("amsh: cannot open the terminal: " + e.getMessage());
            return 1;
        }
        StartupTrace.mark("terminal open");
        // the registry is still being made on the worker: the session waits for it at the first line, not here
        Session session = new Session(redactor, console, startup::registry, Clock.systemUTC(),
                s -> new ScriptHost(s)); // a lambda, so ScriptHost (and Groovy) load only when a line needs them
        StartupTrace.mark("session made");
        session.setToolsDir(toolsDir(env, home));
        session.setRunsDir(home.resolve(".amsh").resolve("runs"));
        session.setHomeDir(home.resolve(".amsh"));
        try {
            session.setLog(new SessionLog(home.resolve(".amsh").resolve("logs"), redactor, options.logLevel()));
        } catch (AmshException e) {
            err.println("amsh: " + e.oneLine());
            return 2;
        }
        session.setInitScript(options.noInit() ? null : home.resolve(".amsh").resolve("init.groovy"));
        startup.traceTo(session.traceSink());
        try {
            connect(options, session, startup, console);
        } catch (AmshException e) {
            console.err().println("amsh: " + e.oneLine());
            return 1;
        }
        StartupTrace.mark("contexts connected");
        if (options.commands() != null) {
            return runCommands(session, options);
        }
        if (!options.rest().isEmpty()) {
            return runScript(session, options);
        }
        return new Repl(session, terminal, t -> errorFor(t, options.debug()))
                .run(home.resolve(".amsh").resolve("history"), startup::release);
    }

    private void connect(Options options, Session session, StartupWork startup, Console console) {
        ContextsFile file = new ContextsFile(ContextsFile.locate(options.contextsFile(), env, home));
        boolean named = options.contextsFile() != null || (env.get(ContextsFile.ENV_VAR) != null
                && !env.get(ContextsFile.ENV_VAR).isBlank());
        if (named && !file.exists() && !options.local()) {
            // only the default file being absent means the local pair: a named file that is absent is a new one,
            // which the first 'context add' writes, unless it cannot be one
            String by = options.contextsFile() != null ? "--contexts" : "$" + ContextsFile.ENV_VAR;
            Path folder = file.path().toAbsolutePath().getParent();
            if (Files.isDirectory(file.path())) {
                throw new AmshException("contexts file " + file.path() + " (named by " + by + ") is a folder, not a file",
                        "name a file, such as " + file.path().resolve("contexts.json"));
            }
            if (folder != null && !Files.isDirectory(folder)) {
                throw new AmshException("contexts file " + file.path() + " does not exist, nor does its folder " + folder
                        + " (named by " + by + ")", "check the path; without it amsh uses ~/.amsh/contexts.json,"
                        + " or the local pair when that is absent");
            }
            console.err().println("amsh: warning: contexts file " + file.path() + " does not exist yet; 'context add' creates it");
            session.setContexts(new Contexts(file, startup.environment()));
            return;
        }
        file.warnings().forEach(w -> console.err().println("amsh: " + w));
        if (!options.local() && file.exists() && !file.read().contexts().isEmpty() && !file.read().besideLocalPair()) {
            // the prompt shows the file's current context while the HTTP client is still being made
            ContextsFile.Content content = file.read();
            session.setContexts(startup.whenEnvironment().thenApply(e -> new Contexts(file, e)),
                    content.current() != null && content.contexts().containsKey(content.current()) ? content.current()
                            : content.contexts().keySet().iterator().next());
            return;
        }
        boolean beside = file.exists() && file.read().besideLocalPair() && !file.read().contexts().isEmpty();
        console.err().println("amsh: " + LocalPairConnector.banner(options.local() ? "--local" : beside
                ? "contexts beside the local pair (" + file.path() + ")" : "no contexts configured (" + file.path() + ")", file));
        console.err().flush();
        // whether a pair answers is known without the HTTP client; the prompt waits for neither the client nor the pair
        Optional<Endpoints> running = LocalPairConnector.runningEndpoints(options.dataDir());
        if (options.localKinds() != null && running.isPresent()) {
            LocalPairConnector.requireKinds(options.dataDir(), options.localKinds());
        }
        console.err().println("amsh: " + LocalPairConnector.kindLine(running.isPresent()
                ? LocalPairConnector.runningKinds(options.dataDir()).orElse(options.pairKinds()) : options.pairKinds()));
        console.err().flush();
        boolean interactive = options.commands() == null && options.rest().isEmpty();
        String current = expectedCurrent(file, beside);
        if (running.isPresent()) {
            console.err().println("amsh: connected to the local pair already running from " + options.dataDir()
                    + " (it stops when the amsh that started it stops)");
            joinedPair = options.dataDir();
            Endpoints endpoints = running.get();
            if (interactive) {
                session.setContexts(startup.whenEnvironment().thenApply(e -> LocalPairConnector.contextsFor(endpoints, e, file)),
                        current);
            } else {
                session.setContexts(LocalPairConnector.contextsFor(endpoints, startup.environment(), file));
            }
            return;
        }
        Supplier<Contexts> start = () -> {
            try {
                return LocalPairConnector.connect(options.dataDir(), toolsDir(env, home), startup.environment(), file,
                        options.pairKinds(), options.localKinds() != null);
            } catch (IOException e) {
                throw new AmshException("the local pair did not start: " + e.getMessage(),
                        "see " + options.dataDir().resolve("azurite").resolve("azurite.log"), e);
            }
        };
        // the prompt does not wait for the pair; -c and runbooks start it on first use, so 'help' starts nothing
        // interactive, the pair starts once the prompt is up: its emulators and Azurite would compete with the terminal
        session.setContexts(interactive ? startup.whenReleased().thenApplyAsync(up -> start.get()) : new OnFirstUse<>(() -> {
            console.err().println("amsh: starting the local pair for this run; it stops when amsh exits ("
                    + "'amsh local up --detach' keeps one running between runs, and amsh -c joins it instead of starting one)");
            console.err().flush();
            return start.get();
        }), current);
    }

    /** The current context the local pair's contexts will have (as {@link Contexts} chooses it), for the prompt meanwhile. */
    private static String expectedCurrent(ContextsFile file, boolean beside) {
        String named = beside ? file.read().current() : null;
        return named != null && (file.read().contexts().containsKey(named) || LocalPair.NAMES.contains(named)) ? named
                : LocalPair.NAMES.get(0);
    }

    /** The data folder of a pair another amsh started, when this one joined it. */
    private Path joinedPair;

    /** {@link #errorLine}, and when the pair this amsh joined has stopped, the line that says why. */
    private String errorFor(Throwable t, boolean debug) {
        String line = errorLine(t, debug);
        if (joinedPair != null) {
            line += LocalPairConnector.joinedPairGone(joinedPair).map(gone -> "\namsh: " + gone).orElse("");
        }
        return line;
    }

    /** A unit of non-interactive work; its failure becomes one line and exit status 1. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private int exitStatus(Session session, boolean debug, Work work) {
        try {
            work.run();
            return 0;
        } catch (ExitRequest e) {
            return e.status();
        } catch (Throwable t) {
            session.console().err().println(session.redactor().redact(errorFor(t, debug)));
            session.console().err().flush();
            return 1;
        }
    }

    private int runCommands(Session session, Options options) {
        for (String statement : LineTokenizer.statements(options.commands())) {
            int status = exitStatus(session, options.debug(), () -> session.execute(statement));
            StartupTrace.mark("-c statement done");
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    private int runScript(Session session, Options options) {
        Path script = Path.of(options.rest().get(0));
        return exitStatus(session, options.debug(),
                () -> session.scripts().runFile(script, options.rest().subList(1, options.rest().size())));
    }

    /** One line for a person: what went wrong and what to do next; the stack only with --debug. */
    public static String errorLine(Throwable t, boolean debug) {
        Throwable root = t;
        while (!(root instanceof AmshException) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // an error from a library may carry pages of text (an SDK's response dump): its first line is the one to show
        String line = root instanceof AmshException a ? "error: " + a.oneLine()
                : "error: " + t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        if (debug) {
            java.io.StringWriter sw = new java.io.StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            line += "\n" + sw;
        }
        return line;
    }

    static final String USAGE = """
            usage: amsh [--contexts FILE] [--local] [--local-kind v3|v2,v3] [--data DIR] [--show-secrets] [--debug] [--no-init]
                        [--log-level LEVEL]
                   amsh --version                    print amsh's version
                   amsh -c "command; command"       run commands, exit non-zero on the first failure
                   amsh SCRIPT.groovy [ARGS...]      run a Groovy runbook
                   amsh local up [--data DIR] [--json FILE] [--detach] [--show-secrets]
                   amsh local down | status | stop a|b | start a|b

            Contexts come from ~/.amsh/contexts.json (or --contexts, or $AMSH_CONTEXTS). With none configured,
            contexts a and b connect to the local pair of emulated datacenters (data in ~/.amsh/local).
            --local-kind v3 starts (or joins) a pair of two v3 datacenters, v2,v3 one of a v2 a and a v3 b (the
            migration), with contexts a and b of those kinds (data in ~/.amsh/local-v3-v3, ~/.amsh/local-v2-v3).
            ~/.amsh/init.groovy runs before the first Groovy line (--no-init skips it); --debug adds stack traces to errors;
            ~/.amsh/logs/amsh.0.log logs each line and command (--log-level off|error|warn|info|debug|trace, default info).""";
}
