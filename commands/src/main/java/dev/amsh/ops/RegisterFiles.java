package dev.amsh.ops;

import dev.amsh.ams.AmsClient;
import dev.amsh.ams.model.AssetFile;

import java.util.List;
import java.util.Map;

/**
 * After CreateFileInfos: the single .ism marked primary, as the documented procedure does for encoded output, so
 * the streaming URL can be built from the target alone.
 */
public final class RegisterFiles {
    private RegisterFiles() {
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
