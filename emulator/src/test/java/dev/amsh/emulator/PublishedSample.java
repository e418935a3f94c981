package dev.amsh.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amsh.emulator.encoder.Ffmpeg;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A sample clip uploaded to one datacenter of the pair, encoded by its encoder ("Adaptive Streaming") and
 * published with an origin locator: what the packaging and player tests stream.
 *
 * @param base the streaming URL of the {@code .ism}, ending in {@code clip.ism/}
 */
public record PublishedSample(String base, String outputAssetId, String container, String locatorId) {

    public static PublishedSample encodeAndPublish(LocalPair pair, String datacenter, Path dir, int seconds)
            throws Exception {
        RawClient c = new RawClient(pair.endpoints(null, null).get(datacenter));
        Path sample = dir.resolve("clip.mp4");
        Ffmpeg.makeSample(pair.ffmpeg(), sample, seconds);
        String asset = c.createAsset("pack-" + UUID.randomUUID(), 0);
        EmulatorRulesTest.container(c.dc, asset).getBlobClient("clip.mp4").uploadFromFile(sample.toString());
        c.call("GET", "CreateFileInfos?assetid='" + asset + "'", null);
        JsonNode job = new EncoderTest().runJob(c, asset);
        if (job.get("State").asInt() != 3) {
            throw new IllegalStateException("the encode did not finish: " + job);
        }
        String output = c.call("GET", "Jobs('" + job.get("Id").asText() + "')/OutputMediaAssets", null).d()
                .get("results").get(0).get("Id").asText();
        JsonNode locator = c.createLocator(output, c.createPolicy(1, 60), 2, null).d();
        return new PublishedSample(locator.get("Path").asText() + "clip.ism/", output, "asset-" + output.substring(12),
                locator.get("Id").asText());
    }

    /**
     * The documented procedure done by hand on another datacenter: the blobs copied, CreateFileInfos, and an
     * origin locator with the same Id. Returns the streaming base on that datacenter.
     */
    public String replicateTo(LocalPair pair, String from, String to) throws Exception {
        RawClient target = new RawClient(pair.endpoints(null, null).get(to));
        String asset = target.createAsset(container, 0);
        var source = pair.datacenter(from).api().storage().container(container);
        var copy = EmulatorRulesTest.container(target.dc, asset);
        for (var blob : source.listBlobs()) {
            copy.getBlobClient(blob.getName()).upload(source.getBlobClient(blob.getName()).downloadContent(), true);
        }
        target.call("GET", "CreateFileInfos?assetid='" + asset + "'", null);
        JsonNode locator = target.createLocator(asset, target.createPolicy(1, 60), 2, locatorId).d();
        return locator.get("Path").asText() + "clip.ism/";
    }
}
