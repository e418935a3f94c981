package dev.amsh.shell.app;

import dev.amsh.shell.CommandRegistry;
import dev.amsh.shell.commands.AliasCommands;
import dev.amsh.shell.commands.AssetCommands;
import dev.amsh.shell.commands.BackgroundCommand;
import dev.amsh.shell.commands.CleanupCommand;
import dev.amsh.shell.commands.CompareCommand;
import dev.amsh.shell.commands.ContextCommands;
import dev.amsh.shell.commands.CopyCommand;
import dev.amsh.shell.commands.DrillCommand;
import dev.amsh.shell.commands.EndpointCommands;
import dev.amsh.shell.commands.FailoverCommand;
import dev.amsh.shell.commands.FileInfosCommand;
import dev.amsh.shell.commands.FrontCommands;
import dev.amsh.shell.commands.GroovyStateCommands;
import dev.amsh.shell.commands.HintsCommand;
import dev.amsh.shell.commands.JobCommands;
import dev.amsh.shell.commands.LocalCommands;
import dev.amsh.shell.commands.LocatorCommands;
import dev.amsh.shell.commands.LogCommand;
import dev.amsh.shell.commands.PoliciesRmCommand;
import dev.amsh.shell.commands.ReplicateCommand;
import dev.amsh.shell.commands.SasCommands;
import dev.amsh.shell.commands.SessionCommands;
import dev.amsh.shell.commands.TutorialCommand;
import dev.amsh.shell.commands.UploadCommand;
import dev.amsh.shell.commands.VerifyCommand;

import java.nio.file.Path;

/** The registry of every command amsh has. */
public final class Commands {
    private Commands() {
    }

    public static CommandRegistry registry(Path localDataDir) {
        CommandRegistry r = new CommandRegistry();
        ContextCommands.all().forEach(r::add);
        AssetCommands.all().forEach(r::add);
        LocatorCommands.all(localDataDir).forEach(r::add);
        r.add(new PoliciesRmCommand());
        SasCommands.all().forEach(r::add);
        r.add(new UploadCommand());
        JobCommands.all().forEach(r::add);
        r.add(new CopyCommand());
        r.add(new FileInfosCommand());
        EndpointCommands.all().forEach(r::add);
        r.add(new FailoverCommand());
        r.add(new ReplicateCommand());
        r.add(new CompareCommand());
        r.add(new VerifyCommand());
        r.add(new CleanupCommand());
        LocalCommands.all(localDataDir).forEach(r::add);
        FrontCommands.all(localDataDir).forEach(r::add);
        r.add(new DrillCommand(localDataDir));
        r.add(new TutorialCommand(localDataDir.resolve("tutorial.json")));
        SessionCommands.all().forEach(r::add);
        GroovyStateCommands.all().forEach(r::add);
        AliasCommands.all().forEach(r::add);
        r.add(new HintsCommand());
        BackgroundCommand.all().forEach(r::add);
        r.add(new LogCommand());
        return r;
    }
}
