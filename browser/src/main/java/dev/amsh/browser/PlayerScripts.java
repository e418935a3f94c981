package dev.amsh.browser;

import dev.amsh.emulator.storage.NodeTools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** hls.js and dash.js (with its Smooth support) from the npm registry, installed into the project's tools folder on first use, like Azurite. */
public record PlayerScripts(Path hlsJs, Path dashJs, Path dashMssJs) {
    public static final String HLS_PACKAGE = "hls.js@1.6.15";
    public static final String DASH_PACKAGE = "dashjs@4.7.4";

    public static PlayerScripts install(Path toolsDir, Consumer<String> log) throws IOException {
        Path hlsPrefix = toolsDir.resolve("hlsjs");
        Path hls = hlsPrefix.resolve("node_modules/hls.js/dist/hls.min.js");
        NodeTools.install(hlsPrefix, HLS_PACKAGE, hls, PlayerScripts::nonEmpty, log);
        Path dashPrefix = toolsDir.resolve("dashjs");
        Path dash = dashPrefix.resolve("node_modules/dashjs/dist/dash.all.min.js");
        NodeTools.install(dashPrefix, DASH_PACKAGE, dash, PlayerScripts::nonEmpty, log);
        return new PlayerScripts(hls, dash, dashPrefix.resolve("node_modules/dashjs/dist/dash.mss.min.js"));
    }

    private static boolean nonEmpty(Path script) {
        try {
            return Files.size(script) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
