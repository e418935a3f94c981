package dev.amsh.emulator.storage;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

class PolicySasTest {
    static final StorageAccountSpec ACCOUNT = new StorageAccountSpec("storagetestaccount001",
            Base64.getEncoder().encodeToString("a key of the test account, 32 b".getBytes()));
    static final String GUID = "af57bdd8-6751-4e84-b403-f3c140444b54";
    static final OffsetDateTime START = OffsetDateTime.of(2015, 2, 18, 16, 45, 53, 0, ZoneOffset.UTC);
    static final OffsetDateTime END = OffsetDateTime.of(2015, 2, 19, 0, 5, 53, 0, ZoneOffset.UTC);

    @Test
    void theLocatorSamplesOrderAndForms() {
        String q = PolicySas.query(ACCOUNT, "asset-f438649c-313c-46e2-8d68-7d2550288247", GUID, START, END);
        assertTrue(q.matches("sv=2012-02-12&sr=c&si=" + GUID + "&sig=[A-Za-z0-9%]+&st=2015-02-18T16%3A45%3A53Z"
                + "&se=2015-02-19T00%3A05%3A53Z"), q);
    }

    @Test
    void withoutAStartTheTokenHasNoSt() {
        String q = PolicySas.query(ACCOUNT, "c", GUID, null, END);
        assertTrue(q.matches("sv=2012-02-12&sr=c&si=" + GUID + "&sig=[A-Za-z0-9%]+&se=2015-02-19T00%3A05%3A53Z"), q);
    }

    @Test
    void timesAreUtcInWholeSeconds() {
        OffsetDateTime local = START.withOffsetSameInstant(ZoneOffset.ofHours(2)).plusNanos(999_000_000);
        assertEquals("2015-02-18T16:45:53Z", PolicySas.time(local));
    }

    @Test
    void theSignatureCoversContainerIdentifierAndWindow() {
        String sig = sig(PolicySas.query(ACCOUNT, "c", GUID, START, END));
        assertNotEquals(sig, sig(PolicySas.query(ACCOUNT, "d", GUID, START, END)));
        assertNotEquals(sig, sig(PolicySas.query(ACCOUNT, "c", GUID.replace('a', 'b'), START, END)));
        assertNotEquals(sig, sig(PolicySas.query(ACCOUNT, "c", GUID, START.minusSeconds(1), END)));
        assertNotEquals(sig, sig(PolicySas.query(ACCOUNT, "c", GUID, START, END.plusSeconds(1))));
        assertNotEquals(sig, sig(PolicySas.query(new StorageAccountSpec("other", ACCOUNT.key()), "c", GUID, START, END)));
        assertEquals(sig, sig(PolicySas.query(ACCOUNT, "c", GUID, START, END)), "the same token each time it is read");
    }

    private static String sig(String query) {
        return query.replaceAll(".*&sig=([^&]+).*", "$1");
    }
}
