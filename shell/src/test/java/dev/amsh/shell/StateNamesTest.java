package dev.amsh.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.EntityIds;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.faults.PublishedAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One vocabulary for states: the table, the Groovy objects, {@code -o json|tsv} and {@code --query} all say
 * {@code Published}, {@code Read}, while the v2 wire keeps its numbers; locators read by the same fields.
 */
@ExtendWith(LocalPairExtension.class)
class StateNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void groovyPipesJsonAndQueryFindThePublishedAssetByTheNameTheTablePrints(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String prefix = "state" + UUID.randomUUID().toString().substring(0, 6);
        String glob = "'" + prefix + "*'";
        PublishedAssets.make(f.session.contexts().get("a"), prefix + "-live", 1);
        f.session.execute("assets create " + prefix + "-draft");
        f.take();

        f.session.execute("assets ls --name " + glob);
        String table = f.take();
        assertTrue(table.lines().anyMatch(l -> l.startsWith(prefix + "-live ") && l.contains(" Published ")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith(prefix + "-draft ") && l.contains(" Initialized ")), table);

        f.session.execute("x = assets ls --name " + glob);
        assertEquals(List.of(prefix + "-live"), f.session.execute("x.findAll { it.state == \"Published\" }*.name"));
        assertEquals(List.of(prefix + "-draft"), f.session.execute("x.findAll { it.state == 'Initialized' }*.name"));
        f.take();

        f.session.execute("assets ls --name " + glob + " | where { it.state == 'Published' } | select name, state");
        String piped = f.take();
        assertTrue(piped.contains(prefix + "-live") && piped.contains("Published") && piped.contains("(1 item)"), piped);
        assertFalse(piped.contains(prefix + "-draft"), piped);

        f.session.execute("assets ls --name " + glob + " -o json");
        JsonNode json = JSON.readTree(f.take());
        List<String> published = new ArrayList<>();
        json.forEach(a -> {
            assertTrue(a.get("state").isTextual(), "state is a name in JSON too: " + a);
            assertEquals("None", a.get("options").asText(), a.toString());
            if (a.get("state").asText().equals("Published")) {
                published.add(a.get("name").asText());
            }
        });
        assertEquals(List.of(prefix + "-live"), published);

        f.session.execute("assets ls --name " + glob + " --query \"[?state=='Published'].name\" -o tsv");
        assertEquals(prefix + "-live", f.take().strip(), "--query filters on the same names");

        f.session.execute("assets ls --name " + glob + " -o tsv");
        String tsv = f.take();
        assertTrue(tsv.lines().anyMatch(l -> l.startsWith(prefix + "-live\t") && l.contains("\tPublished\t")), tsv);
    }

    @Test
    void locatorsAndPolicyPermissionsReadTheSameInGroovyJsonAndQuery(LocalPair pair) throws Exception {
        ShellFixture f = new ShellFixture(pair);
        String name = "named" + UUID.randomUUID().toString().substring(0, 6);
        Asset asset = PublishedAssets.make(f.session.contexts().get("a"), name, 1);
        String origin = f.session.contexts().get("a").ams().listLocatorsOf(asset.id()).get(0).id();
        f.session.execute("s = assets show " + name);
        assertEquals(List.of(origin), f.session.execute("s.locators*.id"));
        assertEquals(List.of(EntityIds.guidOf(origin)), f.session.execute("s.locators*.guid*.toString()"));
        f.take();

        f.session.execute("locators ls " + name + " -o json");
        JsonNode locators = JSON.readTree(f.take());
        assertEquals(origin, locators.get(0).get("id").asText(), locators.toString());
        assertEquals(EntityIds.guidOf(origin), locators.get(0).get("guid").asText(), locators.toString());
        f.session.execute("locators ls " + name + " --query \"[?guid=='" + EntityIds.guidOf(origin) + "'] | length(@)\" -o tsv");
        assertEquals("1", f.take().strip());

        f.session.execute("sas read " + name);
        f.take();
        f.session.execute("sas ls " + name + " -o json");
        JsonNode grants = JSON.readTree(f.take());
        assertEquals(1, grants.size(), grants.toString());
        assertEquals(asset.containerName(), grants.get(0).get("container").asText(), grants.toString());
        assertTrue(grants.get(0).get("revocable").asBoolean(), "a v2 SAS locator can be removed");

        Object reads = f.session.execute("policies.ls().findAll { it.permissions == 'Read' }.size() > 0");
        assertEquals(true, reads, "the origin locator's read policy says Read");
    }
}
