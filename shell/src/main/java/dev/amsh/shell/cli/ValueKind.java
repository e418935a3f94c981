package dev.amsh.shell.cli;

/** What an argument names, so completion can offer live values for it. */
public enum ValueKind {
    TEXT, CONTEXT, ASSET, LOCATOR, JOB, PATH, NUMBER, FORMAT, ON_OFF, COMMAND, PRESET
}
