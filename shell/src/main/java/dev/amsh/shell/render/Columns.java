package dev.amsh.shell.render;

import dev.amsh.ams.model.AccessPolicy;
import dev.amsh.ams.model.Asset;
import dev.amsh.ams.model.AssetFile;
import dev.amsh.ams.model.Job;
import dev.amsh.ams.model.Locator;
import dev.amsh.ams.model.MediaProcessor;
import dev.amsh.datacenter.ContainerGrant;
import dev.amsh.datacenter.EndpointState;
import dev.amsh.datacenter.MediaAsset;
import dev.amsh.datacenter.MediaFile;
import dev.amsh.datacenter.MediaJob;
import dev.amsh.datacenter.OriginLocator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The columns a table shows for each kind of row: what an operator reads first, not every field. */
final class Columns {
    private Columns() {
    }

    static Map<String, Object> cells(Object row) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (row instanceof Asset a) {
            m.put("name", a.name());
            m.put("id", a.id());
            m.put("state", a.state());
            m.put("options", a.options());
            m.put("created", a.created());
        } else if (row instanceof AssetFile f) {
            m.put("name", f.name());
            m.put("size", f.contentFileSize());
            m.put("primary", f.isPrimary() ? "yes" : "");
            m.put("id", f.id());
        } else if (row instanceof Locator l) {
            m.put("id", l.id());
            m.put("type", l.type());
            m.put("asset", l.assetId());
            m.put("start", l.startTime());
            m.put("expires", l.expirationDateTime());
            m.put("path", l.path());
        } else if (row instanceof AccessPolicy p) {
            m.put("name", p.name());
            m.put("permissions", p.permissions());
            m.put("minutes", (long) p.durationInMinutes());
            m.put("id", p.id());
        } else if (row instanceof Job j) {
            m.put("name", j.name());
            m.put("state", j.state());
            m.put("id", j.id());
            m.put("created", j.created());
            m.put("seconds", Math.round(j.runningDuration()));
        } else if (row instanceof MediaJob j) {
            m.put("name", j.name());
            m.put("state", j.state());
            m.put("id", j.id());
            m.put("created", j.created());
            m.put("seconds", Math.round(j.seconds()));
        } else if (row instanceof MediaAsset a) {
            m.put("name", a.name());
            m.put("id", a.id());
            m.put("state", a.state());
            m.put("options", a.options());
            m.put("created", a.created());
        } else if (row instanceof MediaFile f) {
            m.put("name", f.name());
            m.put("size", f.size());
            m.put("primary", f.primary() ? "yes" : "");
            m.put("id", f.id());
        } else if (row instanceof OriginLocator l) {
            m.put("id", l.id());
            m.put("type", l.policy() == null ? "OnDemandOrigin" : l.policy());
            m.put("asset", l.asset());
            m.put("start", l.start());
            m.put("expires", l.end());
            m.put("guid", l.guid());
        } else if (row instanceof ContainerGrant g) {
            m.put("id", g.id());
            m.put("container", g.container());
            m.put("expires", g.expires());
            m.put("asset", g.asset());
        } else if (row instanceof EndpointState e) {
            m.put("name", e.name());
            m.put("state", e.resourceState());
            m.put("host", e.hostName());
            m.put("scale units", e.scaleUnits());
        } else if (row instanceof MediaProcessor p) {
            m.put("name", p.name());
            m.put("version", p.version());
            m.put("id", p.id());
        } else if (row != null && row.getClass().isRecord()) {
            return all(row);
        } else if (row instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(String.valueOf(k), v));
        } else {
            m.put("value", row);
        }
        return m;
    }

    static Map<String, Object> all(Object record) {
        return Renderer.components(record);
    }
}
