package dev.amsh.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's packages import one another one way only: no circle, and nothing imports the composition (app). */
class PackageDependenciesTest {
    static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?(dev\\.amsh\\.shell(?:\\.[a-z]+)*)\\.[A-Z]");

    /** Each package of the shell and the shell packages its files import. */
    static Map<String, Set<String>> imports() throws IOException {
        Path root = Path.of(System.getProperty("amsh.home"), "shell", "src", "main", "java");
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("dev/amsh/shell"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> deps = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        deps.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noPackageImportsOneThatImportsItBack() throws IOException {
        Map<String, Set<String>> graph = imports();
        List<String> circles = new ArrayList<>();
        for (String start : graph.keySet()) {
            path(graph, start, start, new ArrayList<>(List.of(start)), circles);
        }
        assertEquals(List.of(), circles, "import circles among the shell's packages: " + graph);
    }

    @Test
    void nothingImportsTheComposition() throws IOException {
        imports().forEach((pkg, deps) -> assertTrue(pkg.endsWith(".app") || !deps.contains("dev.amsh.shell.app"),
                pkg + " imports dev.amsh.shell.app"));
    }

    private static void path(Map<String, Set<String>> graph, String start, String at, List<String> trail, List<String> circles) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                circles.add(String.join(" -> ", trail) + " -> " + start);
            } else if (!trail.contains(next)) {
                trail.add(next);
                path(graph, start, next, trail, circles);
                trail.remove(trail.size() - 1);
            }
        }
    }
}
