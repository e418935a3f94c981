package dev.amsh.shell.commands;

import dev.amsh.ops.RegisterFiles;
import dev.amsh.shell.Command;
import dev.amsh.shell.Session;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

/** {@code fileinfos ASSET}: CreateFileInfos, then the files registered. */
public final class FileInfosCommand implements Command {
    public CommandSpec spec() {
        return CommandSpec.of("fileinfos", "register the blobs in an asset's container as its files (CreateFileInfos)")
                .param(ParamSpec.required("ASSET", ValueKind.ASSET, "asset name or Id"))
                .details("Also marks the single .ism file primary, so the streaming URL can be built.").build();
    }

    public Object run(Invocation inv, Session s) {
        RegisterFiles.Result r = RegisterFiles.run(s.context(inv).ams(), inv.requireParam(0));
        StringBuilder sb = new StringBuilder("files of " + r.asset().name() + " (" + r.files().size() + ")\n");
        r.files().forEach(f -> sb.append(String.format("  %-48s %12d%s%n", f.name(), f.contentFileSize(),
                f.name().equals(r.primary()) ? "  primary" : "")));
        return new TextView(sb.toString(), r.files());
    }
}
