package dev.amsh.shell.script;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What typed Groovy defines beyond variables, kept for the rest of the session as groovysh's interpreter
 * mode keeps it: imports go before each later line, methods after it (Groovy allows calls before
 * definitions, so line numbers stay those of what was typed), and classes stay loaded in the session's
 * class loader. A line that redefines a method replaces the kept one.
 */
final class SessionDefinitions {
    /** A line ready to compile, and what it would add once it ran. */
    record Prepared(String text, Set<String> imports, Map<String, String> methods, Set<String> classes) {
    }

    private final Set<String> imports = new LinkedHashSet<>();
    private final Map<String, String> methods = new LinkedHashMap<>();
    private final Set<String> classes = new LinkedHashSet<>();

    Prepared prepare(String code, String sourceName) {
        Set<String> newImports = new LinkedHashSet<>();
        Map<String, String> newMethods = new LinkedHashMap<>();
        Set<String> newClasses = new LinkedHashSet<>();
        try {
            CompilationUnit unit = new CompilationUnit();
            unit.addSource(sourceName, code);
            unit.compile(Phases.CONVERSION);
            ModuleNode module = unit.getAST().getModules().get(0);
            module.getImports().forEach(i -> newImports.add(i.getText()));
            module.getStarImports().forEach(i -> newImports.add(i.getText()));
            module.getStaticImports().values().forEach(i -> newImports.add(i.getText()));
            module.getStaticStarImports().values().forEach(i -> newImports.add(i.getText()));
            String[] lines = code.split("\n", -1);
            for (MethodNode m : module.getMethods()) {
                newMethods.put(m.getName(), source(lines, m));
            }
            for (ClassNode c : module.getClasses()) {
                if (!c.isScript()) {
                    newClasses.add(c.getName());
                }
            }
        } catch (CompilationFailedException e) {
            // the real compilation below reports it, with the kept definitions around it
        }
        StringBuilder text = new StringBuilder();
        for (String i : imports) {
            if (!newImports.contains(i)) {
                text.append(i).append("; ");
            }
        }
        text.append(code);
        methods.forEach((name, source) -> {
            if (!newMethods.containsKey(name)) {
                text.append('\n').append(source);
            }
        });
        return new Prepared(text.toString(), newImports, newMethods, newClasses);
    }

    /** Keeps what a line that ran defined. */
    void commit(Prepared p) {
        imports.addAll(p.imports());
        methods.putAll(p.methods());
        classes.addAll(p.classes());
    }

    List<String> imports() {
        return new ArrayList<>(imports);
    }

    /** Each kept method's first line, e.g. {@code def f(n) { n * 2 }}. */
    List<String> methods() {
        return methods.values().stream().map(s -> s.lines().findFirst().orElse("").strip()).toList();
    }

    List<String> classes() {
        return new ArrayList<>(classes);
    }

    void clear() {
        imports.clear();
        methods.clear();
        classes.clear();
    }

    private static String source(String[] lines, MethodNode m) {
        StringBuilder sb = new StringBuilder();
        for (int l = m.getLineNumber(); l <= m.getLastLineNumber(); l++) {
            String line = lines[l - 1];
            int from = l == m.getLineNumber() ? m.getColumnNumber() - 1 : 0;
            int to = l == m.getLastLineNumber() ? Math.min(line.length(), m.getLastColumnNumber() - 1) : line.length();
            sb.append(line, from, to);
            if (l < m.getLastLineNumber()) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
