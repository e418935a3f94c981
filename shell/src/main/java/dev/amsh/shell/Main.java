package dev.amsh.shell;

import dev.amsh.context.ContextEnvironment;
import dev.amsh.context.Contexts;
import dev.amsh.context.ContextsFile;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.cli.LineTokenizer;
import dev.amsh.shell.commands.SessionCommands;
import dev.amsh.shell.repl.Repl;
import dev.amsh.shell.repl.SystemTerminal;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * amsh's entry point: the REPL, {@code -c "cmd; cmd"}, {@code amsh SCRIPT.groovy args}, and {@code amsh local …}.
 * With no contexts configured, contexts a and b connect to the local pair (started in the background, so
 * the prompt does not wait for it).
 */
public final class Main {
    private final Map<String, String> env;
    private final Path home;

    Main(Map<String, String> env, Path home) {
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
                   boolean local, String commands, List<String> rest) {
    }

    Options parse(String[] args) {
        String contexts = null;
        Path data = null;
        boolean show = false;
        boolean debug = false;
        boolean local = false;
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
                case "-c" -> commands = value(args, ++i, a);
                default -> {
                    if (a.startsWith("-") && !a.equals("-h") && !a.equals("--help")) {
                        throw new AmshException("unknown option " + a, "see amsh --help");
                    }
                    rest.add(a);
                }
            }
        }
        return new Options(contexts, data == null ? defaultDataDir() : data, data != null, show, debug, local, commands, rest);
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

    int run(String[] args) {
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
        Redactor redactor = new Redactor();
        redactor.setRevealing(options.showSecrets());
        StartupWork startup = new StartupWork(redactor, env, options.dataDir());
        boolean interactive = options.commands() == null && options.rest().isEmpty();
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
        Session session = new Session(redactor, console, startup.registry(), Clock.systemUTC());
        session.setToolsDir(toolsDir(env, home));
        session.setRunsDir(home.resolve(".amsh").resolve("runs"));
        startup.traceTo(session.traceSink());
        try {
            connect(options, session, startup, console);
        } catch (AmshException e) {
            console.err().println("amsh: " + e.oneLine());
            return 1;
        }
        if (options.commands() != null) {
            return runCommands(session, options);
        }
        if (!options.rest().isEmpty()) {
            return runScript(session, options);
        }
        return new Repl(session, terminal, t -> errorLine(t, options.debug()))
                .run(home.resolve(".amsh").resolve("history"));
    }

    private void connect(Options options, Session session, StartupWork startup, Console console) {
        ContextsFile file = new ContextsFile(ContextsFile.locate(options.contextsFile(), env, home));
        boolean named = options.contextsFile() != null || (env.get(ContextsFile.ENV_VAR) != null
                && !env.get(ContextsFile.ENV_VAR).isBlank());
        if (named && !file.exists() && !options.local()) {
            // only the default file being absent means the local pair: a named file that is missing is a mistake
            throw new AmshException("contexts file " + file.path() + " does not exist (named by "
                    + (options.contextsFile() != null ? "--contexts" : "$" + ContextsFile.ENV_VAR) + ")",
                    "check the path; without it amsh uses ~/.amsh/contexts.json, or the local pair when that is absent");
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
        console.err().println("amsh: " + (options.local() ? "--local" : "no contexts configured (" + file.path() + ")")
                + ": contexts a and b use the local pair of datacenters; 'help' lists the commands");
        console.err().flush();
        ContextEnvironment environment = startup.environment();
        java.util.Optional<Contexts> running = LocalPairConnector.running(options.dataDir(), environment, file);
        if (running.isPresent()) {
            console.err().println("amsh: connected to the local pair already running from " + options.dataDir()
                    + " (it stops when the amsh that started it stops)");
            session.setContexts(running.get());
            return;
        }
        session.setContexts(CompletableFuture.supplyAsync(() -> {
            try {
                return LocalPairConnector.connect(options.dataDir(), toolsDir(env, home), environment, file);
            } catch (IOException e) {
                throw new AmshException("the local pair did not start: " + e.getMessage(),
                        "see " + options.dataDir().resolve("azurite").resolve("azurite.log"), e);
            }
        }), "a");
    }

    /** A unit of non-interactive work; its failure becomes one line and exit status 1. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static int exitStatus(Session session, boolean debug, Work work) {
        try {
            work.run();
            return 0;
        } catch (SessionCommands.ExitRequest e) {
            return e.status();
        } catch (Throwable t) {
            session.console().err().println(session.redactor().redact(errorLine(t, debug)));
            session.console().err().flush();
            return 1;
        }
    }

    private int runCommands(Session session, Options options) {
        for (String statement : LineTokenizer.statements(options.commands())) {
            int status = exitStatus(session, options.debug(), () -> session.execute(statement));
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
    static String errorLine(Throwable t, boolean debug) {
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
            usage: amsh [--contexts FILE] [--local] [--data DIR] [--show-secrets] [--debug]
                   amsh -c "command; command"       run commands, exit non-zero on the first failure
                   amsh SCRIPT.groovy [ARGS...]      run a Groovy runbook
                   amsh local up [--data DIR] [--json FILE] [--detach] [--show-secrets]
                   amsh local down | status | stop a|b | start a|b

            Contexts come from ~/.amsh/contexts.json (or --contexts, or $AMSH_CONTEXTS). With none configured,
            contexts a and b connect to the local pair of emulated datacenters (data in ~/.amsh/local).""";
}
