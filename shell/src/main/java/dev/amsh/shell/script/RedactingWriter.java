package dev.amsh.shell.script;

import dev.amsh.shell.ScriptSession;

import java.io.PrintWriter;
import java.io.Writer;

/** The {@code out} of Groovy scripts: whole lines pass through the session's redactor to its console. */
final class RedactingWriter extends PrintWriter {
    RedactingWriter(ScriptSession session) {
        super(new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n') {
                        emit();
                    } else {
                        line.append(buf[i]);
                    }
                }
            }

            private void emit() {
                session.console().out().println(session.redactor().redact(line.toString()));
                line.setLength(0);
            }

            @Override
            public void flush() {
                if (line.length() > 0) {
                    session.console().out().print(session.redactor().redact(line.toString()));
                    line.setLength(0);
                }
                session.console().out().flush();
            }

            @Override
            public void close() {
                flush();
            }
        }, true);
    }
}
