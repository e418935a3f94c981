package dev.amsh.shell.app;

import dev.amsh.emulator.DatacenterKind;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalService;
import dev.amsh.error.AmshException;
import dev.amsh.redact.Redactor;
import dev.amsh.shell.FaultRequest;
import dev.amsh.shell.RunningPair;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code amsh local up | down | status | stop NAME | start NAME}: the local pair as a service for any client. */
final class LocalMain {
    private final Main.Options options;
    private final Path toolsDir;
    private final PrintWriter err;
    private final Path defaultDataDir;

    LocalMain(Main.Options options, Path toolsDir, PrintWriter err, Path defaultDataDir) {
        this.options = options;
        this.toolsDir = toolsDir;
        this.err = err;
        this.defaultDataDir = defaultDataDir;
    }

    static final String USAGE = """
            usage: amsh local up [--data DIR] [--json FILE] [--detach] [--show-secrets] [--kind v2|v3|v2,v3]
                                                 start the pair: in the foreground (Ctrl-C stops it) or, with --detach,
                                                 in the background; --json writes its endpoints and credentials;
                                                 --kind makes v3 (ARM) datacenters, or a's and b's kinds
                   amsh local down               stop the pair started with 'local up'
                   amsh local status             the running pair's endpoints
                   amsh local stop a|b           take a datacenter down (an outage); start a|b brings it back
                   amsh local faults --rate R [--kinds K,…] …   inject faults (see 'help local faults' in amsh)""";

    int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            // usage only: nothing is started or stopped
            System.out.println(USAGE);
            System.out.flush();
            return 0;
        }
        if (args.isEmpty()) {
            err.println("amsh local: say up, down, status, stop a|b, start a|b or faults … (see amsh local --help)");
            return 2;
        }
        Path dataDir = options.dataDir();
        boolean dataGiven = options.dataGiven();
        Path json = null;
        boolean detach = false;
        boolean show = options.showSecrets();
        String kind = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if ((args.get(i).equals("--kind") || args.get(i).equals("--json") || args.get(i).equals("--data"))
                    && i + 1 >= args.size()) {
                err.println("amsh local: " + args.get(i) + " needs a value" + (args.get(i).equals("--kind")
                        ? " (v2, v3, or a's and b's: v2,v3)" : ""));
                return 2;
            }
            switch (args.get(i)) {
                case "--kind" -> kind = args.get(++i);
                case "--data" -> {
                    dataDir = Path.of(args.get(++i));
                    dataGiven = true;
                }
                case "--json" -> json = Path.of(args.get(++i));
                case "--detach" -> detach = true;
                case "--show-secrets" -> show = true;
                default -> words.add(args.get(i));
            }
        }
        if (words.isEmpty()) {
            err.println("amsh local: say up, down, status, stop a|b, start a|b or faults …");
            return 2;
        }
        String verb = words.get(0);
        List<DatacenterKind> kinds = List.of(DatacenterKind.V2, DatacenterKind.V2);
        if (kind != null) {
            if (!verb.equals("up")) {
                err.println("amsh local " + verb + ": --kind is for 'local up' only");
                return 2;
            }
            try {
                kinds = DatacenterKind.pair(kind);
            } catch (IllegalArgumentException e) {
                err.println("amsh local up: " + e.getMessage());
                return 2;
            }
        }
        if (!verb.equals("up")) {
            dataDir = RunningPair.resolve(dataDir, dataGiven, defaultDataDir);
        }
        Path endpointsFile = dataDir.resolve(LocalService.ENDPOINTS_FILE);
        switch (verb) {
            case "up" -> {
                if (LocalService.control(endpointsFile, "/status").isPresent()) {
                    err.println("amsh local: a local pair is already running from " + dataDir + "; 'amsh local down' stops it");
                    return 1;
                }
                return detach ? detach(dataDir, json, show, kinds) : up(dataDir, json, show, kinds);
            }
            case "down" -> {
                return report(LocalService.control(endpointsFile, "/shutdown"), dataDir);
            }
            case "status" -> {
                return report(LocalService.control(endpointsFile, "/status"), dataDir);
            }
            case "faults" -> {
                String path;
                try {
                    path = FaultRequest.fromArgs(words.subList(1, words.size()));
                    return report(LocalService.control(endpointsFile, path), dataDir);
                } catch (AmshException | IllegalArgumentException e) {
                    err.println("amsh local faults: " + (e instanceof AmshException a ? a.oneLine() : e.getMessage()));
                    return 2;
                }
            }
            case "stop", "start" -> {
                if (words.size() < 2 || !words.get(1).matches("[ab]")) {
                    err.println("amsh local " + verb + ": name the datacenter, a or b");
                    return 2;
                }
                return report(LocalService.control(endpointsFile, "/" + verb + "/" + words.get(1)), dataDir);
            }
            default -> {
                err.println("amsh local: unknown '" + verb + "'; say up, down, status, stop a|b, start a|b or faults …");
                return 2;
            }
        }
    }

    private int report(Optional<String> answer, Path dataDir) {
        if (answer.isEmpty()) {
            err.println("amsh local: no local pair is running from " + dataDir + "; start one with 'amsh local up'");
            return 1;
        }
        System.out.print(answer.get());
        System.out.flush();
        return 0;
    }

    private int up(Path dataDir, Path json, boolean show, List<DatacenterKind> kinds) {
        try (LocalService service = new LocalService(LocalPair.Options.at(dataDir, toolsDir).withKinds(kinds)
                .withLog(l -> err.println("amsh: " + l)), dataDir.resolve(LocalService.ENDPOINTS_FILE)).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.close();
                RunningPair.forget(defaultDataDir, dataDir);
            }, "amsh-local-stop"));
            RunningPair.remember(defaultDataDir, dataDir);
            Endpoints e = service.endpoints();
            if (json != null) {
                LocalPair.writeEndpoints(json, e);
            }
            print(e, show, json != null ? json : service.endpointsFile());
            System.out.println("the local pair is up; Ctrl-C (or 'amsh local down') stops it");
            System.out.flush();
            service.awaitShutdown();
            return 0;
        } catch (IOException e) {
            err.println("amsh local up: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Starts {@code local up} as a background process and returns once it answers. */
    private int detach(Path dataDir, Path json, boolean show, List<DatacenterKind> kinds) {
        try {
            Files.createDirectories(dataDir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-Damsh.home=" + System.getProperty("amsh.home", ""),
                    "-Duser.home=" + System.getProperty("user.home"),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "local", "up", "--data",
                    dataDir.toString()));
            if (json != null) {
                cmd.addAll(List.of("--json", json.toString()));
            }
            cmd.addAll(List.of("--kind", kinds.get(0).word() + "," + kinds.get(1).word()));
            Path log = dataDir.resolve("local.log");
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Path endpointsFile = dataDir.resolve(LocalService.ENDPOINTS_FILE);
            for (int i = 0; i < 1200; i++) {
                if (LocalService.control(endpointsFile, "/status").isPresent()) {
                    print(LocalPair.readEndpoints(endpointsFile), show, json != null ? json : endpointsFile);
                    System.out.println("the local pair runs in the background; 'amsh local down' stops it (log: " + log + ")");
                    return 0;
                }
                Thread.sleep(100);
            }
            err.println("amsh local up --detach: the pair did not come up in 120 s; see " + log);
            return 1;
        } catch (IOException e) {
            err.println("amsh local up --detach: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void print(Endpoints e, boolean show, Path file) {
        Redactor r = new Redactor();
        r.setRevealing(show);
        for (Endpoints.DatacenterEndpoints d : e.datacenters()) {
            for (String secret : new String[]{d.accountKey(), d.clientSecret(), d.storageAccountKey(), d.apiKey()}) {
                if (secret != null) {
                    r.addSecret(secret);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Endpoints.DatacenterEndpoints d : e.datacenters()) {
            if (d.kindOrDefault() == DatacenterKind.V3) {
                sb.append("datacenter ").append(d.name()).append(" (v3, ARM over HTTPS)\n")
                        .append("  ARM endpoint       ").append(d.armEndpoint()).append('\n')
                        .append("  subscription       ").append(d.subscriptionId()).append('\n')
                        .append("  resource group     ").append(d.resourceGroup()).append('\n')
                        .append("  account            ").append(d.accountName()).append('\n')
                        .append("  api-key token URL  ").append(d.tokenUrl()).append('\n')
                        .append("  api key            ").append(d.apiKey()).append('\n')
                        .append("  Entra token URL    ").append(d.aadTokenUrl()).append('\n')
                        .append("  tenant             ").append(d.tenant()).append('\n')
                        .append("  client id / secret ").append(d.clientId()).append(" / ").append(d.clientSecret()).append('\n')
                        .append("  storage name / key ").append(d.storageAccountName()).append(" / ").append(d.storageAccountKey()).append('\n')
                        .append("  blob endpoint      ").append(d.blobEndpoint()).append('\n')
                        .append("  streaming host     ").append(d.streamingHost()).append('\n')
                        .append("  origin             ").append(d.originUrl()).append('\n');
                continue;
            }
            sb.append("datacenter ").append(d.name()).append('\n')
                    .append("  global API root    ").append(d.globalApiRoot()).append('\n')
                    .append("  cluster API root   ").append(d.clusterApiRoot()).append('\n')
                    .append("  ACS token URL      ").append(d.acsTokenUrl()).append('\n')
                    .append("  Azure AD token URL ").append(d.aadTokenUrl()).append('\n')
                    .append("  tenant             ").append(d.tenant()).append('\n')
                    .append("  account name / key ").append(d.accountName()).append(" / ").append(d.accountKey()).append('\n')
                    .append("  client id / secret ").append(d.clientId()).append(" / ").append(d.clientSecret()).append('\n')
                    .append("  storage name / key ").append(d.storageAccountName()).append(" / ").append(d.storageAccountKey()).append('\n')
                    .append("  blob endpoint      ").append(d.blobEndpoint()).append('\n')
                    .append("  origin             ").append(d.originUrl()).append('\n');
        }
        if (e.caFile() != null) {
            sb.append("test CA (trust it for the HTTPS endpoints): ").append(e.caFile()).append('\n');
        }
        sb.append("endpoints and credentials (owner-only): ").append(file)
                .append(show ? "" : "\nsecrets are masked; --show-secrets prints them");
        System.out.println(r.redact(sb.toString()));
        System.out.flush();
    }
}
