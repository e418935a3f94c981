package dev.amsh.shell;

import dev.amsh.context.AccountContext;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.faults.FaultInjector;
import dev.amsh.emulator.faults.FaultKind;
import dev.amsh.emulator.faults.FaultPlan;
import dev.amsh.emulator.faults.Surface;
import dev.amsh.faults.PublishedAssets;
import dev.amsh.ops.DatacenterCopy;
import dev.amsh.shell.PowerUserTerminalTest.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Long work whose result is assigned still draws its progress line while it runs, typed into a real terminal:
 * {@code c = copy …} and {@code e = encode …} as {@code r = replicate …} (PowerUserTerminalTest) does.
 */
@ExtendWith(LocalPairExtension.class)
class AssignedProgressTerminalTest {
    private static final String PROMPT_A = PowerUserTerminalTest.PROMPT_A;
    private static final Pattern COPY_LINE = Pattern.compile("copy \\[[#-]{24}] +(\\d+)%  (\\d+)/(\\d+) blobs");
    // the states by name: redrawn lines run together on the screen, so a bare word class would eat the next line's "encode"
    private static final Pattern ENCODE_LINE = Pattern.compile(
            "encode \\[[#-]{24}] +(\\d+)%  (Queued|Scheduled|Processing|Canceling|Canceled|Finished|Error)");

    @Test
    void anAssignedCopyDrawsBlobsAsTheyArrive(LocalPair pair, @TempDir Path home) throws Exception {
        String name = "cp" + UUID.randomUUID().toString().substring(0, 6);
        Running r = PowerUserTerminalTest.start(pair, home);
        AccountContext a = r.f().session.contexts().get("a");
        PublishedAssets.make(a, name, 1);
        FaultInjector faults = pair.faults();
        try {
            // each blob lands 100-400 ms late on b, one at a time, so the line is drawn between blobs
            faults.set(new FaultPlan(1.0, Set.of(FaultKind.LATENCY), 1, Set.of("b"), Set.of(Surface.STORAGE), "PUT /", 0));
            String shown = r.t().run("c = copy " + name + " --to b --concurrency 1", PROMPT_A);
            List<int[]> lines = copyLines(shown);
            assertFalse(lines.isEmpty(), "a progress line while the assigned copy runs:\n" + shown);
            assertTrue(lines.stream().anyMatch(l -> l[1] < l[2]), "drawn before the last blob arrived:\n" + shown);
            assertTrue(lines.stream().anyMatch(l -> l[0] == 100 && l[1] == l[2]), "and when the last did:\n" + shown);
            assertFalse(shown.contains("copied a:"), "an assignment prints no result:\n" + shown);
        } finally {
            faults.set(FaultPlan.OFF);
        }
        String kept = r.t().run("c.report.blobs.size() + ' blobs, created ' + c.targetCreated", PROMPT_A);
        assertTrue(kept.contains("4 blobs, created true"), "the result is kept in c: " + kept);
        assertEquals(4, b(r).storage().list(((DatacenterCopy.Result) r.f().session.variables().get("c"))
                .target().container()).size(), "every blob is on b");
        PowerUserTerminalTest.stop(r);
    }

    @Test
    void anAssignedEncodeDrawsTheJobAsItRuns(LocalPair pair, @TempDir Path home) throws Exception {
        String name = "enc" + UUID.randomUUID().toString().substring(0, 6);
        Running r = PowerUserTerminalTest.start(pair, home);
        r.t().run("upload --sample --asset " + name, PROMPT_A);
        String shown = r.t().run("e = encode " + name, PROMPT_A);
        Matcher m = ENCODE_LINE.matcher(shown);
        List<String> states = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();
        while (m.find()) {
            percents.add(Integer.parseInt(m.group(1)));
            states.add(m.group(2));
        }
        assertFalse(states.isEmpty(), "a progress line while the assigned encode runs:\n" + shown);
        assertTrue(states.stream().anyMatch(s -> !s.equals("Finished")) && percents.stream().anyMatch(p -> p < 100),
                "drawn while the job was still going:\n" + shown);
        assertEquals("Finished", states.get(states.size() - 1), "the last line is the finished job:\n" + shown);
        assertFalse(shown.contains("finished in"), "an assignment prints no result:\n" + shown);
        String kept = r.t().run("e.output.name + ' finished ' + e.finished()", PROMPT_A);
        assertTrue(kept.contains(name + " - encoded finished true"), "the result is kept in e: " + kept);
        PowerUserTerminalTest.stop(r);
    }

    private static AccountContext b(Running r) {
        return r.f().session.contexts().get("b");
    }

    /** Each copy progress line: percent, blobs done, blobs in all. */
    private static List<int[]> copyLines(String screen) {
        List<int[]> out = new ArrayList<>();
        Matcher m = COPY_LINE.matcher(screen);
        while (m.find()) {
            out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        }
        return out;
    }
}
