package dev.amsh.emulator.common;

import java.util.Optional;

/**
 * What an origin needs from its datacenter: the published content behind a locator GUID, if it may be served
 * now. v2 answers from its origin locators, v3 from its streaming locators; the origin knows neither.
 */
public interface PublishedLocators {
    /** The content published under {@code guid}, when a locator with it is inside its window now. */
    Optional<Published> active(String guid);

    /** Why nothing is served at all right now (a stopped streaming endpoint), or empty when serving. */
    default Optional<String> notServing() {
        return Optional.empty();
    }

    /** Published content: the asset's container in the datacenter's storage account. */
    record Published(String container) {
    }
}
