package dev.amsh.emulator.rest;

/** An entity set clients only read (MediaProcessors, Tasks): every write is a 405. */
record ReadOnlyHandler(String set) implements EntitySetHandler {
}
