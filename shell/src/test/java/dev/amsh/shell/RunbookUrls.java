package dev.amsh.shell;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two URLs scripts/failover.groovy prints at its end: the procedure's promise is that they differ only by host. */
record RunbookUrls(URI fromA, URI fromB) {
    private static final Pattern ORIGINAL = Pattern.compile("Original Locator Path: (https?://\\S+)");
    private static final Pattern REPLICATED = Pattern.compile("Replicated Locator Path: (https?://\\S+)");

    /** Both URLs from the runbook's output, asserted to share their path and not their host. */
    static RunbookUrls printed(String out) {
        Matcher original = ORIGINAL.matcher(out);
        Matcher replicated = REPLICATED.matcher(out);
        assertTrue(original.find() && replicated.find(), out);
        RunbookUrls urls = new RunbookUrls(URI.create(original.group(1)), URI.create(replicated.group(1)));
        assertEquals(urls.fromA.getPath(), urls.fromB.getPath(), "the URLs differ only by host");
        assertNotEquals(urls.fromA.getAuthority(), urls.fromB.getAuthority());
        return urls;
    }
}
