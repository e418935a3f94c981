package dev.amsh.emulator.front;

import java.util.function.Supplier;

/** One origin behind the front: its name, its priority (1 is first), and its base URL ({@code http://host:port}). */
public record FrontEndpoint(String name, int priority, Supplier<String> origin) {
}
