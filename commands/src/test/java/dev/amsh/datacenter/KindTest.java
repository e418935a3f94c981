package dev.amsh.datacenter;

import dev.amsh.error.AmshException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** A context's kind, as the contexts file and {@code --kind} say it. */
class KindTest {
    @Test
    void kindsParseAndPrintAsContextsSayThem() {
        assertEquals(Kind.V2, Kind.of(null));
        assertEquals(Kind.V3, Kind.of(" V3 "));
        assertEquals("v3", Kind.V3.toString());
        assertEquals("unknown context kind 'v4' (use --kind v2 or --kind v3)",
                assertThrows(AmshException.class, () -> Kind.of("v4")).oneLine());
    }
}
