package dev.amsh.emulator.origin.packaging;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dynamic packaging: answers the service's streaming paths from the MP4 ladder and {@code .ism} in storage,
 * packaged on request. Only indexes are kept (per asset and {@code .ism}, checked against the files' ETags on
 * every manifest and every few seconds for fragments); nothing packaged is written back to storage.
 */
public final class Packager {
    private static final int MANIFEST_MAX_AGE = 60;
    private static final int FRAGMENT_MAX_AGE = 3600;
    private static final int CACHED_PRESENTATIONS = 16;

    private final Clock clock;
    private final Duration revalidateAfter;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED_PRESENTATIONS;
        }
    };

    public Packager(Clock clock, Duration revalidateAfter) {
        this.clock = clock;
        this.revalidateAfter = revalidateAfter;
    }

    /** Whether {@code path} (after the locator's GUID) is a packaged one, rather than a file of the asset. */
    public static boolean isPackaged(String path) {
        return StreamingRequest.isPackaged(path);
    }

    /**
     * The answer for {@code path} in the asset whose files {@code source} reads; {@code assetKey} names the
     * asset for the index cache. Throws {@link OriginError} for anything but content.
     */
    public Packaged serve(String assetKey, MediaSource source, String path) throws IOException {
        StreamingRequest request = StreamingRequest.parse(path);
        // a manifest always checks the listing (one call), so it never names a file storage no longer holds;
        // fragments trust an index checked within the last few seconds
        Presentation p = presentation(assetKey, source, request.ism(), !(request instanceof StreamingRequest.Fragment));
        if (request instanceof StreamingRequest.ClientManifest m) {
            return manifest(m.format(), switch (m.format()) {
                case SMOOTH -> SmoothManifest.write(p);
                case HLS, HLS_CMAF -> HlsPlaylists.multivariant(p, m.format().urlName(), m.audioOnlyVariant());
                case DASH, DASH_CMAF -> DashManifest.write(p, m.format().urlName());
            });
        }
        if (request instanceof StreamingRequest.MediaPlaylist m) {
            Presentation.MediaStream s = stream(p, m.track());
            return manifest(m.format(), HlsPlaylists.media(s, rendition(s, m.bitrate()), m.format().urlName()));
        }
        return fragment(p, (StreamingRequest.Fragment) request, source);
    }

    private Packaged fragment(Presentation p, StreamingRequest.Fragment f, MediaSource source) throws IOException {
        Presentation.MediaStream s = stream(p, f.track());
        Presentation.Rendition r = rendition(s, f.bitrate());
        TrackIndex track = r.track();
        String type = s.kind() == TrackIndex.Kind.VIDEO ? "video/mp4" : "audio/mp4";
        int trackId = s.kind() == TrackIndex.Kind.VIDEO ? 1 : 2;
        if (f.time() == StreamingRequest.Fragment.INIT) {
            return new Packaged(type, Fragmenter.init(track, trackId), FRAGMENT_MAX_AGE);
        }
        int segment = r.segments().segmentAt(f.time());
        if (segment < 0) {
            throw OriginError.notFound("no fragment of " + s.name() + " starts at " + f.time()
                    + " (the manifest lists the fragment start times)");
        }
        byte[] bytes = Fragmenter.segment(track, r.segments(), segment, trackId, f.format() == StreamingFormat.SMOOTH,
                (first, count, into, at) -> samples(source, r.file(), track, first, count, into, at));
        return new Packaged(type, bytes, FRAGMENT_MAX_AGE);
    }

    /** Reads the samples in as few range reads as they allow: one per run of adjacent samples. */
    private static void samples(MediaSource source, String file, TrackIndex track, int first, int count, byte[] into,
                                int at) throws IOException {
        int i = first;
        int end = first + count;
        while (i < end) {
            int j = i + 1;
            while (j < end && track.offsets[j] == track.offsets[j - 1] + track.sizes[j - 1]) {
                j++;
            }
            long length = track.offsets[j - 1] + track.sizes[j - 1] - track.offsets[i];
            byte[] run = source.read(file, track.offsets[i], (int) length);
            if (run.length != length) {
                throw OriginError.cannotPackage(file + " is shorter than its index says");
            }
            System.arraycopy(run, 0, into, at, run.length);
            at += run.length;
            i = j;
        }
    }

    private static Packaged manifest(StreamingFormat format, String text) {
        return new Packaged(format.manifestType(), text.getBytes(StandardCharsets.UTF_8), MANIFEST_MAX_AGE);
    }

    private static Presentation.MediaStream stream(Presentation p, String track) {
        return p.stream(track).orElseThrow(() -> OriginError.notFound("no track '" + track + "' in " + p.name()));
    }

    private static Presentation.Rendition rendition(Presentation.MediaStream s, long bitrate) {
        return s.rendition(bitrate).orElseThrow(() -> OriginError.notFound(
                "no quality level " + bitrate + " in track '" + s.name() + "'"));
    }

    private Presentation presentation(String assetKey, MediaSource source, String ism, boolean checkNow) throws IOException {
        String key = assetKey + "/" + ism.toLowerCase(Locale.ROOT);
        Cached cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        Instant now = clock.instant();
        if (cached != null && !checkNow && now.isBefore(cached.checked.plus(revalidateAfter))) {
            return cached.presentation;
        }
        Map<String, StoredFile> files = source.files();
        if (cached != null && cached.stillMatches(files)) {
            cached = new Cached(cached.presentation, cached.used, now);
        } else {
            cached = load(source, files, ism, now);
        }
        synchronized (cache) {
            cache.put(key, cached);
        }
        return cached.presentation;
    }

    private static Cached load(MediaSource source, Map<String, StoredFile> files, String ism, Instant now)
            throws IOException {
        String ismName = files.containsKey(ism) ? ism : files.keySet().stream().filter(n -> n.equalsIgnoreCase(ism))
                .findFirst().orElseThrow(() -> OriginError.notFound("the asset holds no " + ism));
        StoredFile ismFile = files.get(ismName);
        ServerManifest manifest;
        Presentation presentation;
        try {
            manifest = ServerManifest.parse(ismName, source.read(ismName, 0, (int) Math.min(ismFile.length(), 4 << 20)));
            Map<String, StoredFile> used = new LinkedHashMap<>();
            used.put(ismName, ismFile);
            for (ServerManifest.Entry e : manifest.entries()) {
                StoredFile f = files.get(e.src());
                if (f == null) {
                    throw OriginError.notFound(ismName + " lists " + e.src() + ", which the asset does not hold");
                }
                used.put(e.src(), f);
            }
            presentation = Presentation.load(ismName, manifest, source);
            return new Cached(presentation, Map.copyOf(used), now);
        } catch (Mp4FormatException e) {
            throw OriginError.cannotPackage(e.getMessage());
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // a box that claims more bytes than it has: a truncated or corrupt file
            throw OriginError.cannotPackage("a file " + ismName + " lists is not a readable MP4 (" + e.getClass().getSimpleName() + ")");
        }
    }

    private record Cached(Presentation presentation, Map<String, StoredFile> used, Instant checked) {
        boolean stillMatches(Map<String, StoredFile> files) {
            return used.entrySet().stream().allMatch(e -> e.getValue().equals(files.get(e.getKey())));
        }
    }
}
