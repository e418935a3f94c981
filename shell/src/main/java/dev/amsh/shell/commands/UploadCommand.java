package dev.amsh.shell.commands;

import dev.amsh.context.AccountContext;
import dev.amsh.emulator.encoder.Ffmpeg;
import dev.amsh.error.AmshException;
import dev.amsh.ops.Upload;
import dev.amsh.shell.Command;
import dev.amsh.shell.CommandContext;
import dev.amsh.shell.cli.CommandSpec;
import dev.amsh.shell.cli.Invocation;
import dev.amsh.shell.cli.Opt;
import dev.amsh.shell.cli.ParamSpec;
import dev.amsh.shell.cli.ValueKind;
import dev.amsh.shell.render.TextView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code upload FILE [--asset NAME]}: a new asset from a local file, with progress. */
public final class UploadCommand implements Command {
    static final Opt<Boolean> SAMPLE = Opt.flag("sample", "make a 10 s 720p H.264/AAC sample with ffmpeg and upload it");
    static final Opt<String> ASSET = Opt.text("asset", ValueKind.TEXT, "asset name (default: the file name)");
    static final Opt<Boolean> FORCE = Opt.flag("force", "upload a file that ffmpeg does not recognise as media");

    public CommandSpec spec() {
        return CommandSpec.of("upload", "upload a local file into a new asset (parallel block upload through a write SAS)")
                .param(ParamSpec.optional("FILE", ValueKind.PATH, "the media file"))
                .option(SAMPLE)
                .option(ASSET)
                .option(FORCE)
                .details("The file is probed with ffmpeg first (when one is at hand): a file that is not media is refused\n"
                        + "unless --force. Ctrl-C cancels: the new asset is removed and no blob is left.\n"
                        + "On v3: the asset is PUT (a name not taken yet) and the blob goes into its container, signed with the\n"
                        + "storage keys, or through listContainerSas's ReadWrite URL when the context has none; nothing to register.\n"
                        + "v3 names are unique: a re-run of an upload that was lost or failed adopts the empty asset it left (the\n"
                        + "upload's key is in its alternateId); any other asset of that name is refused.")
                .build();
    }

    public Object run(Invocation inv, CommandContext s) throws Exception {
        if (inv.get(SAMPLE) && inv.param(0) != null) {
            throw new AmshException("upload takes FILE or --sample, not both", "usage: upload FILE, or upload --sample");
        }
        AccountContext ctx = s.context(inv);
        if (!inv.get(SAMPLE)) {
            Path file = Path.of(inv.requireParam(0));
            if (!inv.get(FORCE)) {
                MediaProbe.refuseNonMedia(file, s.toolsDir().resolve("ffmpeg"));
            }
            return upload(inv, s, ctx, file);
        }
        // the sample lives only as long as its upload: nothing is left in the temp folder, whatever the outcome
        Path folder = Files.createTempDirectory("amsh-sample");
        try {
            Path file = folder.resolve("amsh_sample.mp4");
            s.console().progress("making the sample with ffmpeg…");
            Ffmpeg.makeSample(Ffmpeg.locate(s.toolsDir().resolve("ffmpeg"), line -> {
                s.console().progressDone();
                s.console().err().println("amsh: " + line);
            }), file, 10);
            s.console().progressDone();
            return upload(inv, s, ctx, file);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Object upload(Invocation inv, CommandContext s, AccountContext ctx, Path file) throws Exception {
        long total = Files.isRegularFile(file) ? Files.size(file) : 0;
        Upload.Result r;
        try {
            r = new Upload(s.clock()).run(ctx, file, inv.get(ASSET), s.contexts().environment().httpWithTrace(ctx.name()),
                    done -> s.console().progress(String.format("upload %3d%%  %s / %s", total == 0 ? 100 : done * 100 / total,
                            ProgressBar.bytes(done), ProgressBar.bytes(total))), s.cancellation());
        } finally {
            s.console().progressDone();
        }
        return new TextView(String.format("uploaded %s (%s) into asset %s%n  id %s", r.file().name(),
                ProgressBar.bytes(r.bytes()), r.asset().name(), r.asset().id()), r.asset());
    }
}
