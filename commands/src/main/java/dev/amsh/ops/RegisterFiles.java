package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.error.AmshException;

import java.util.List;
import java.util.Map;

/**
 * CreateFileInfos, then the files registered. Marks the single .ism as primary, as the documented procedure
 * does for encoded output, so the streaming URL can be built from the target alone.
 */
public final class RegisterFiles {
    public record Result(Asset asset, List<AssetFile> files, String primary) {
    }

    private RegisterFiles() {
    }

    public static Result run(AmsClient ams, String nameOrId) {
        Asset asset = Assets.resolve(ams, nameOrId);
        ams.createFileInfos(asset.id());
        List<AssetFile> files = ams.listFiles(asset.id());
        if (files.isEmpty()) {
            throw new AmshException("CreateFileInfos registered no files on " + asset.name(),
                    "copy the blobs into its container first ('copy')");
        }
        String primary = markPrimaryManifest(ams, files);
        return new Result(asset, ams.listFiles(asset.id()), primary);
    }

    /** Sets the one .ism file primary; returns its name, or null when there is none or more than one. */
    public static String markPrimaryManifest(AmsClient ams, List<AssetFile> files) {
        List<AssetFile> manifests = files.stream().filter(f -> f.name().toLowerCase().endsWith(".ism")).toList();
        if (manifests.size() != 1) {
            return null;
        }
        AssetFile ism = manifests.get(0);
        if (!ism.isPrimary()) {
            ams.updateFile(ism.id(), Map.of("IsPrimary", true));
        }
        return ism.name();
    }
}
