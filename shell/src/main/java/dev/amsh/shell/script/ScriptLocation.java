package dev.amsh.shell.script;

import dev.amsh.error.AmshException;

/** Where in a runbook an error happened: {@code outage.groovy:4} and that line, whatever failed there. */
final class ScriptLocation {
    private ScriptLocation() {
    }

    /**
     * The error with the runbook's file and line in front of its message, or the error as it was when no frame
     * is the runbook's. {@code compiledAs} is the source name the code was compiled under.
     */
    static RuntimeException of(String name, String compiledAs, String code, RuntimeException e) {
        if (e instanceof AmshException a && a.getMessage().startsWith("Groovy: ") && a.getCause() instanceof RuntimeException plain) {
            // a typed line's "Groovy: …" wrapper: a file's error names what was thrown, as a runbook's does
            e = plain;
        }
        int line = lineIn(compiledAs, e);
        if (line <= 0) {
            return e;
        }
        String[] lines = code.split("\n", -1);
        String source = line <= lines.length ? lines[line - 1].strip() : "";
        String what = e instanceof AmshException a ? a.getMessage()
                : e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String hint = e instanceof AmshException a ? a.hint() : "";
        return new Located(name + ":" + line + ": " + what, hint, line + " | " + source, e);
    }

    /** A runbook's error: the one line, then the source line it came from. */
    static final class Located extends AmshException {
        private final String source;

        Located(String message, String hint, String source, Throwable cause) {
            super(message, hint, cause);
            this.source = source;
        }

        @Override
        public String oneLine() {
            return super.oneLine() + "\n  " + source;
        }
    }

    private static int lineIn(String fileName, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (fileName.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                    return frame.getLineNumber();
                }
            }
        }
        return -1;
    }
}
