package dev.amsh.emulator.rest;

import dev.amsh.emulator.storage.StorageGateway;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** What an entity set's handler works with: the entity store, the account's storage, the clock and the Id source. */
record ApiContext(EntityStore store, StorageGateway storage, Clock clock, Supplier<UUID> ids, Supplier<String> originBase) {
    String now() {
        return Fields.now(clock);
    }
}
