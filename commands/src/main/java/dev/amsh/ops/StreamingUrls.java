package dev.amsh.ops;

import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Locator;

import java.util.List;
import java.util.Optional;

/** Builds the URLs people play: origin locator Path + the .ism file name + "/manifest". */
public final class StreamingUrls {
    private StreamingUrls() {
    }

    public static Optional<AssetFile> manifest(List<AssetFile> files) {
        return files.stream().filter(AssetFile::isPrimary).filter(f -> f.name().toLowerCase().endsWith(".ism"))
                .findFirst()
                .or(() -> files.stream().filter(f -> f.name().toLowerCase().endsWith(".ism")).findFirst());
    }

    public static String manifestUrl(Locator origin, String ismName) {
        return manifestUrl(origin.path(), ismName);
    }

    /** {@code path} is an origin locator's Path, {@code scheme://host/GUID/}, with or without its last slash. */
    public static String manifestUrl(String path, String ismName) {
        return (path.endsWith("/") ? path : path + "/") + ismName + "/manifest";
    }
}
