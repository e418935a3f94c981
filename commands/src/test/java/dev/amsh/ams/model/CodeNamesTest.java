package dev.amsh.ams.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The v2 records hold the names the tables print; the numbers stay on the wire. */
class CodeNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode wire(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void codesBecomeTheirNamesAndUnknownCodesKeepTheirDigits() {
        CodeNames states = CodeNames.ordered("Initialized", "Published", "Deleted");
        assertEquals("Initialized", states.name(0));
        assertEquals("Published", states.name(1));
        assertEquals("7", states.name(7), "a code the table does not know is not lost");
    }

    @Test
    void flagsAreNamedLowestBitFirst() {
        assertEquals("None", AccessPolicy.PERMISSIONS.flags(0));
        assertEquals("Read", AccessPolicy.PERMISSIONS.flags(1));
        assertEquals("Read,Write", AccessPolicy.PERMISSIONS.flags(3));
        assertEquals("Read,Write,Delete,List", AccessPolicy.PERMISSIONS.flags(15));
        assertEquals("Write,16", AccessPolicy.PERMISSIONS.flags(18), "an unnamed bit keeps its number");
    }

    @Test
    void anAssetFromTheWireHoldsNames() throws Exception {
        Asset a = Asset.from(wire("{\"Id\":\"nb:cid:UUID:1f4c7a2e-3b6d-4e8f-9a0b-1c2d3e4f5a6b\",\"State\":1,"
                + "\"Options\":\"1\",\"FormatOption\":1}"));
        assertEquals("Published", a.state());
        assertEquals("StorageEncrypted", a.options());
        assertEquals("AdaptiveStreaming", a.formatOption());
        assertTrue(a.storageEncrypted());
        Asset envelope = Asset.from(wire("{\"State\":0,\"Options\":4}"));
        assertEquals("Initialized", envelope.state());
        assertEquals("EnvelopeEncryptionProtected", envelope.options());
        assertFalse(envelope.storageEncrypted());
    }

    @Test
    void locatorsJobsTasksAndPoliciesFromTheWireHoldNames() throws Exception {
        Locator origin = Locator.from(wire("{\"Type\":2}"));
        assertEquals("OnDemandOrigin", origin.type());
        assertTrue(origin.onDemandOrigin());
        assertFalse(origin.sas());
        Locator sas = Locator.from(wire("{\"Type\":\"1\"}"));
        assertEquals("Sas", sas.type());
        assertTrue(sas.ofType(Locator.SAS));

        Job job = Job.from(wire("{\"State\":3}"));
        assertEquals("Finished", job.state());
        assertTrue(job.finished() && job.terminal());
        assertFalse(Job.from(wire("{\"State\":6}")).terminal(), "Canceling is not over yet");
        assertEquals("Canceled", Job.from(wire("{\"State\":5}")).state());
        assertEquals("Processing", JobTask.from(wire("{\"State\":2,\"Progress\":40}")).state());

        AccessPolicy read = AccessPolicy.from(wire("{\"Permissions\":1}"));
        assertEquals("Read", read.permissions());
        assertTrue(read.grantsExactly(AccessPolicy.READ));
        assertFalse(read.grantsExactly(AccessPolicy.READ | AccessPolicy.WRITE));
    }
}
