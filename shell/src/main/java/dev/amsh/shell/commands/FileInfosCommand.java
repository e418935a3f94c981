package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.error.AmshException;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.util.List;

/** {@code fileinfos ASSET}: CreateFileInfos, then the files registered. */
public final class FileInfosCommand implements Command {
    public CommandSpec spec() {
        return CommandSpec.of("fileinfos", "register the blobs in an asset's container as its files (CreateFileInfos)")
                .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id"))
                .details("Also marks the single .ism file primary, so the streaming URL can be built.\n"
                        + "On a v3 context there is nothing to register: it says so and lists the container's blobs.").build();
    }

    public Object run(Invocation inv, CommandContext s) {
        AccountContext ctx = s.context(inv);
        Datacenter dc = ctx.datacenter();
        MediaAsset a = dc.resolve(inv.requireParam(0));
        String done = dc.registerFiles(a);
        List<MediaFile> files = dc.files(a);
        if (!dc.can().registersFiles()) {
            return new TextView(a.name() + " on " + ctx.name() + ": " + dc.kind() + " needs no CreateFileInfos; " + done, files);
        }
        if (files.isEmpty()) {
            throw new AmshException("CreateFileInfos registered no files on " + a.name(), "copy the blobs into its container first ('copy')");
        }
        StringBuilder sb = new StringBuilder("files of " + a.name() + " (" + files.size() + ")\n");
        files.forEach(f -> sb.append(String.format("  %-48s %12d%s%n", f.name(), f.size(), f.primary() ? "  primary" : "")));
        return new TextView(sb.toString(), files);
    }
}
