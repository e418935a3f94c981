package dev.amsh.emulator.storage;

/** A storage account hosted by the local Azurite: name and base64 key. */
public record StorageAccountSpec(String name, String key) {
    @Override
    public String toString() {
        return "StorageAccountSpec[name=" + name + "]";
    }
}
