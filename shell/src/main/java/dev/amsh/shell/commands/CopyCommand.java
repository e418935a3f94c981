package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.ops.DatacenterCopy;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.CommonOptions;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;
import dev.amsh.storage.BlobCopyOutcome;
import dev.amsh.storage.CopyOptions;
import dev.amsh.storage.CopyReport;

/** {@code copy ASSET --to CTX [--into ASSET]}: the procedure's server-side blob copy. */
public final class CopyCommand implements Command {
    static final Opt<String> TO = CommonOptions.TO.required();
    static final Opt<String> INTO = Opt.text("into", ValueKind.ASSET,
            "target asset (default: the asset named after the source container, created if missing)");
    static final Opt<Integer> CONCURRENCY = CommonOptions.concurrency("concurrency", "blobs copied at once", CopyOptions.DEFAULT_CONCURRENCY);

    public CommandSpec spec() {
        return CommandSpec.of("copy", "copy an asset's blobs to another context's storage, server-side")
                .param(ParamSpec.required("ASSET", ValueKind.ASSET, "source asset name or Id (on the current or --on context)"))
                .option(TO)
                .option(INTO)
                .option(CONCURRENCY)
                .details("No byte passes through amsh: blobs up to 32 MiB use Copy Blob From URL, larger ones Put Block From URL in 16 MiB blocks.\n"
                        + "Lengths (and MD5s where the source has one) are verified. Ctrl-C cancels and leaves no partial blob;\n"
                        + "a re-run skips blobs already identical.")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) {
        AccountContext from = s.context(inv);
        AccountContext to = s.contexts().get(inv.require(TO));
        CopyOptions options = CopyOptions.defaults().withConcurrency(inv.get(CONCURRENCY));
        DatacenterCopy.Result r;
        try {
            r = new DatacenterCopy(s.clock()).run(from, inv.requireParam(0), to, inv.get(INTO), options,
                    new ProgressBar(s.console(), "copy"), s.cancellation());
        } finally {
            s.console().progressDone();
        }
        return new TextView(describe(r.report(), from.name() + ":" + r.source().name(), to.name() + ":" + r.target().name()
                + (r.targetCreated() ? " (created)" : "")), r);
    }

    static String describe(CopyReport report, String from, String to) {
        StringBuilder sb = new StringBuilder();
        sb.append(report.cancelled() ? "copy cancelled: " : "copied ").append(from).append(" -> ").append(to).append('\n');
        sb.append(String.format("  %d copied, %d skipped, %d failed, %s in %d ms%n",
                report.count(BlobCopyOutcome.Status.COPIED), report.count(BlobCopyOutcome.Status.SKIPPED),
                report.count(BlobCopyOutcome.Status.FAILED), ProgressBar.bytes(report.bytesCopied()),
                report.elapsed().toMillis()));
        for (BlobCopyOutcome o : report.blobs()) {
            if (o.status() != BlobCopyOutcome.Status.COPIED) {
                sb.append("  ").append(o.status().name().toLowerCase()).append(' ').append(o.name()).append(": ")
                        .append(o.detail()).append('\n');
            }
        }
        if (report.cancelled()) {
            sb.append("  nothing partial was left behind; run the same copy again to finish\n");
        }
        return sb.toString();
    }
}
