package dev.amsh.sdktests;

import com.microsoft.windowsazure.Configuration;
import com.microsoft.windowsazure.exception.ServiceException;
import com.microsoft.windowsazure.services.blob.models.BlockList;
import com.microsoft.windowsazure.services.media.MediaConfiguration;
import com.microsoft.windowsazure.services.media.MediaContract;
import com.microsoft.windowsazure.services.media.MediaService;
import com.microsoft.windowsazure.services.media.WritableBlobContainerContract;
import com.microsoft.windowsazure.services.media.models.AccessPolicy;
import com.microsoft.windowsazure.services.media.models.AccessPolicyInfo;
import com.microsoft.windowsazure.services.media.models.AccessPolicyPermission;
import com.microsoft.windowsazure.services.media.models.Asset;
import com.microsoft.windowsazure.services.media.models.AssetFile;
import com.microsoft.windowsazure.services.media.models.AssetFileInfo;
import com.microsoft.windowsazure.services.media.models.AssetInfo;
import com.microsoft.windowsazure.services.media.models.AssetOption;
import com.microsoft.windowsazure.services.media.models.AssetState;
import com.microsoft.windowsazure.services.media.models.Job;
import com.microsoft.windowsazure.services.media.models.JobInfo;
import com.microsoft.windowsazure.services.media.models.JobState;
import com.microsoft.windowsazure.services.media.models.ListResult;
import com.microsoft.windowsazure.services.media.models.Locator;
import com.microsoft.windowsazure.services.media.models.LocatorInfo;
import com.microsoft.windowsazure.services.media.models.LocatorType;
import com.microsoft.windowsazure.services.media.models.MediaProcessor;
import com.microsoft.windowsazure.services.media.models.MediaProcessorInfo;
import com.microsoft.windowsazure.services.media.models.Task;
import com.microsoft.windowsazure.services.media.models.TaskInfo;
import com.microsoft.windowsazure.services.media.models.TaskOption;
import dev.amsh.emulator.Endpoints;
import dev.amsh.emulator.LocalPair;
import dev.amsh.emulator.LocalPairExtension;
import dev.amsh.emulator.SampleLadder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The official Media Services v2 Java SDK (com.microsoft.azure:azure-media:0.9.8), unchanged, against the pair:
 * it speaks only Atom, tunnels MERGE through POST, creates jobs with a $batch, follows the global root's 301,
 * and uploads through a SAS locator's path. Every step is checked in the pair's own state as well.
 */
@ExtendWith(LocalPairExtension.class)
class OfficialSdkTest {
    static final String MES = "nb:mpid:UUID:ff4df607-d419-42f0-bc17-a481b1331e56";

    @Test
    void theProcedureThroughTheSdk(LocalPair pair) throws Exception {
        Endpoints.DatacenterEndpoints a = pair.endpoints(null, null).get("a");
        PairTokenProvider tokens = new PairTokenProvider(a);
        // the global root, as the SDK's users configured it: the SDK follows its 301 to the cluster
        Configuration cfg = MediaConfiguration.configureWithAzureAdTokenProvider(URI.create(a.globalApiRoot()), tokens);
        MediaContract sdk = MediaService.create(cfg);
        var store = pair.datacenter("a").api().store();

        // media processors, with a $filter
        ListResult<MediaProcessorInfo> processors = sdk.list(MediaProcessor.list().set("$filter", "Name eq 'Media Encoder Standard'"));
        assertTrue(processors.stream().anyMatch(p -> p.getId().equals(MES)), "MES listed");

        // an asset: create, get, update (POST + X-HTTP-Method: MERGE), list with $filter, $top and $skip
        String name = "sdk-" + UUID.randomUUID().toString().substring(0, 8);
        AssetInfo asset = sdk.create(Asset.create().setName(name).setAlternateId("alt").setOptions(AssetOption.None));
        assertEquals(AssetState.Initialized, asset.getState());
        assertNotNull(asset.getCreated());
        assertEquals(name, store.get("Assets", asset.getId()).orElseThrow().path("Name").asText());
        sdk.update(Asset.update(asset.getId()).setAlternateId("alt2"));
        assertEquals("alt2", sdk.get(Asset.get(asset.getId())).getAlternateId());
        assertEquals("alt2", store.get("Assets", asset.getId()).orElseThrow().path("AlternateId").asText());
        for (int i = 0; i < 3; i++) {
            sdk.create(Asset.create().setName(name + "-page-" + i));
        }
        ListResult<AssetInfo> page = sdk.list(Asset.list().set("$filter", "startswith(Name,'" + name + "-page-')").setTop(2).setSkip(1));
        assertEquals(2, page.size(), "$filter, $top and $skip");

        // upload through a SAS locator's path, then CreateFileInfos, and mark the .ism primary
        AccessPolicyInfo write = sdk.create(AccessPolicy.create("sdk write", 60, EnumSet.of(AccessPolicyPermission.WRITE)));
        assertEquals(60.0, write.getDurationInMinutes());
        LocatorInfo sas = sdk.create(Locator.create(write.getId(), asset.getId(), LocatorType.SAS));
        assertEquals(LocatorType.SAS, sas.getLocatorType());
        WritableBlobContainerContract blobs = sdk.createBlobWriter(sas);
        Map<String, byte[]> ladder = SampleLadder.files(pair.ffmpeg(), "clip");
        for (Map.Entry<String, byte[]> f : ladder.entrySet()) {
            if (f.getKey().endsWith(".ism")) {
                blobs.createBlockBlob(f.getKey(), new ByteArrayInputStream(f.getValue()));
            } else {
                blobs.createBlobBlock(f.getKey(), "block-0001", new ByteArrayInputStream(f.getValue()));
                BlockList list = new BlockList();
                list.addLatestEntry("block-0001");
                blobs.commitBlobBlocks(f.getKey(), list);
            }
        }
        sdk.action(AssetFile.createFileInfos(asset.getId()));
        ListResult<AssetFileInfo> files = sdk.list(AssetFile.list(asset.getAssetFilesLink()));
        assertEquals(ladder.keySet(), files.stream().map(AssetFileInfo::getName).collect(Collectors.toSet()));
        for (AssetFileInfo f : files) {
            assertEquals(ladder.get(f.getName()).length, f.getContentFileSize(), f.getName());
        }
        AssetFileInfo ism = files.stream().filter(f -> f.getName().endsWith(".ism")).findFirst().orElseThrow();
        sdk.update(AssetFile.update(ism.getId()).setIsPrimary(true));
        assertTrue(store.get("Files", ism.getId()).orElseThrow().path("IsPrimary").asBoolean(), "the .ism is primary");
        sdk.delete(Locator.delete(sas.getId()));
        sdk.delete(AccessPolicy.delete(write.getId()));

        // origin locators: one with the service's Id, one with the caller's; the same Id again is a 409
        AccessPolicyInfo read = sdk.create(AccessPolicy.create("sdk read", 30 * 24 * 60, EnumSet.of(AccessPolicyPermission.READ)));
        LocatorInfo origin = sdk.create(Locator.create(read.getId(), asset.getId(), LocatorType.OnDemandOrigin));
        String chosen = "nb:lid:UUID:" + UUID.randomUUID();
        Locator.Creator withId = Locator.create(read.getId(), asset.getId(), LocatorType.OnDemandOrigin);
        LocatorInfo mine = sdk.create(withId.setId(chosen));
        assertEquals(chosen, mine.getId());
        ServiceException duplicate = assertThrows(ServiceException.class,
                () -> sdk.create(Locator.create(read.getId(), asset.getId(), LocatorType.OnDemandOrigin).setId(chosen)));
        assertEquals(409, duplicate.getHttpStatusCode());
        assertEquals(2, sdk.list(Locator.list(asset.getLocatorsLink())).size());
        HttpResponse<String> manifest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(mine.getPath() + "clip.ism/manifest(format=m3u8-cmaf)")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, manifest.statusCode(), "the origin streams what the SDK uploaded");

        // a job through $batch on a mezzanine uploaded the same way: the encoder runs, and the tasks and the
        // output are reached by their links
        AssetInfo mezzanine = sdk.create(Asset.create().setName(name + "-mezzanine"));
        AccessPolicyInfo upload = sdk.create(AccessPolicy.create("sdk upload", 60, EnumSet.of(AccessPolicyPermission.WRITE)));
        LocatorInfo uploadSas = sdk.create(Locator.create(upload.getId(), mezzanine.getId(), LocatorType.SAS));
        byte[] video = ladder.entrySet().stream().filter(f -> f.getKey().endsWith(".mp4") && !f.getKey().contains("AAC"))
                .findFirst().orElseThrow().getValue();
        sdk.createBlobWriter(uploadSas).createBlockBlob("mezzanine.mp4", new ByteArrayInputStream(video));
        sdk.action(AssetFile.createFileInfos(mezzanine.getId()));
        sdk.delete(Locator.delete(uploadSas.getId()));
        sdk.delete(AccessPolicy.delete(upload.getId()));
        JobInfo job = sdk.create(Job.create().setName("sdk job").setPriority(2).addInputMediaAsset(mezzanine.getId())
                .addTaskCreator(Task.create(MES, "<taskBody><inputAsset>JobInputAsset(0)</inputAsset><outputAsset assetCreationOptions=\"0\" "
                        + "assetName=\"sdk-out\">JobOutputAsset(0)</outputAsset></taskBody>").setConfiguration("Adaptive Streaming")
                        .setName("encode").setOptions(TaskOption.None)));
        assertTrue(job.getJobNotificationSubscriptions().isEmpty());
        for (int i = 0; i < 600 && !List.of(JobState.Finished, JobState.Error, JobState.Canceled).contains(job.getState()); i++) {
            Thread.sleep(200);
            job = sdk.get(Job.get(job.getId()));
        }
        assertEquals(JobState.Finished, job.getState());
        ListResult<TaskInfo> tasks = sdk.list(Task.list(job.getTasksLink()));
        assertEquals(1, tasks.size());
        assertEquals(100.0, tasks.get(0).getProgress());
        ListResult<AssetInfo> outputs = sdk.list(Asset.list(job.getOutputAssetsLink()));
        assertEquals("sdk-out", outputs.get(0).getName());
        assertFalse(sdk.list(AssetFile.list(outputs.get(0).getAssetFilesLink())).isEmpty(), "the encode wrote its ladder");

        // a missing entity is the SDK's ServiceException with 404
        ServiceException missing = assertThrows(ServiceException.class, () -> sdk.get(Asset.get("nb:cid:UUID:" + UUID.randomUUID())));
        assertEquals(404, missing.getHttpStatusCode());

        // every delete
        sdk.delete(Locator.delete(origin.getId()));
        sdk.delete(Locator.delete(mine.getId()));
        sdk.delete(AccessPolicy.delete(read.getId()));
        sdk.delete(Job.delete(job.getId()));
        sdk.delete(Asset.delete(outputs.get(0).getId()));
        sdk.delete(Asset.delete(mezzanine.getId()));
        sdk.delete(Asset.delete(asset.getId()));
        assertTrue(store.get("Assets", asset.getId()).isEmpty());
        assertTrue(store.get("Assets", mezzanine.getId()).isEmpty());
        assertTrue(store.get("Locators", mine.getId()).isEmpty());
        assertTrue(store.get("AccessPolicies", read.getId()).isEmpty());
        assertTrue(store.get("Jobs", job.getId()).isEmpty());
        assertTrue(tokens.issued >= 1 && tokens.issued <= 2, "a token from the pair's Azure AD endpoint, kept: " + tokens.issued);
    }
}
