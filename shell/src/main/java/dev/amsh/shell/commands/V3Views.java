package dev.amsh.shell.commands;

import dev.amsh.datacenter.Datacenter;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.OriginLocator;
import dev.amsh.error.AmshException;
import dev.amsh.shell.render.TextView;

import java.util.List;

/** What the asset and locator commands print for a v3 context, in the shapes they print for v2. */
final class V3Views {
    private V3Views() {
    }

    /** An asset with its files and locators, as {@code assets show} gives it. */
    public record AssetDetails(MediaAsset asset, List<MediaFile> files, List<OriginLocator> locators) {
    }

    static TextView assetDetails(Datacenter dc, String nameOrId) {
        MediaAsset a = dc.resolve(nameOrId);
        AssetDetails d = new AssetDetails(a, dc.files(a), dc.locators(a));
        StringBuilder sb = new StringBuilder();
        sb.append("name      ").append(a.name()).append('\n')
                .append("id        ").append(a.id()).append('\n')
                .append("options   ").append(a.encrypted() ? a.options() + " (cannot be replicated)" : a.options()).append('\n')
                .append("container ").append(a.container()).append('\n')
                .append("created   ").append(a.created()).append('\n');
        sb.append("\nfiles (").append(d.files().size()).append(", the container's blobs)\n");
        d.files().forEach(f -> sb.append(String.format("  %-48s %12d%n", f.name(), f.size())));
        sb.append("\nstreaming locators (").append(d.locators().size()).append(")\n");
        d.locators().forEach(l -> sb.append(String.format("  %-36s %s  %s  expires %s%n", l.name(), l.guid(), l.policy(),
                l.end() == null ? "never" : l.end())));
        return new TextView(sb.toString(), d);
    }

    static String removeAsset(Datacenter dc, String nameOrId, boolean yes) {
        MediaAsset a = dc.resolve(nameOrId);
        if (!yes) {
            throw new AmshException("assets rm deletes " + a.name() + " (" + a.id() + ") on " + dc.name()
                    + " with its container and locators", "add --yes to confirm");
        }
        List<OriginLocator> locators = dc.locators(a);
        for (OriginLocator l : locators) {
            dc.unpublish(l);
        }
        dc.deleteAsset(a);
        return "deleted " + a.name() + " (" + a.id() + ") and " + locators.size() + " locator(s) on " + dc.name();
    }
}
