package dev.amsh.emulator.origin.packaging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code .ism} ready to package: its streams (video, audio), each a set of renditions cut into segments.
 * The renditions of a stream share their cuts (aligned GOPs), as dynamic packaging requires.
 */
public record Presentation(String name, List<MediaStream> streams) {

    /** One rendition: a file of the ladder, its bitrate, its indexed track and its cuts. */
    public record Rendition(String file, long bitrate, TrackIndex track, TrackSegments segments) {
    }

    /** A stream of the presentation: renditions of one kind under one track name. */
    public record MediaStream(String name, TrackIndex.Kind kind, String language, List<Rendition> renditions) {
        public TrackSegments timeline() {
            return renditions.get(0).segments();
        }

        public Optional<Rendition> rendition(long bitrate) {
            return renditions.stream().filter(r -> r.bitrate() == bitrate).findFirst();
        }
    }

    public long durationTicks() {
        return streams.stream().mapToLong(s -> s.timeline().end()).max().orElse(0);
    }

    public Optional<MediaStream> stream(String trackName) {
        return streams.stream().filter(s -> s.name().equalsIgnoreCase(trackName)).findFirst();
    }

    public List<MediaStream> streams(TrackIndex.Kind kind) {
        return streams.stream().filter(s -> s.kind() == kind).toList();
    }

    /** Reads the {@code .ism} and each file's index, then cuts video at its keyframes and audio beside it. */
    static Presentation load(String ismName, ServerManifest ism, MediaSource source) throws IOException {
        Map<String, List<ServerManifest.Entry>> byTrack = new LinkedHashMap<>();
        for (ServerManifest.Entry e : ism.entries()) {
            byTrack.computeIfAbsent(e.kind() + "/" + e.trackName(), k -> new ArrayList<>()).add(e);
        }
        List<MediaStream> streams = new ArrayList<>();
        long[] videoCuts = null;
        // video first: audio is cut to follow it
        for (TrackIndex.Kind kind : List.of(TrackIndex.Kind.VIDEO, TrackIndex.Kind.AUDIO)) {
            for (List<ServerManifest.Entry> entries : byTrack.values()) {
                if (entries.get(0).kind() != kind) {
                    continue;
                }
                List<Rendition> renditions = new ArrayList<>();
                for (ServerManifest.Entry e : entries) {
                    TrackIndex track = Mp4Reader.read(source, e.src());
                    if (track.kind() != kind) {
                        throw new Mp4FormatException(e.src() + " is listed as " + kind.name().toLowerCase()
                                + " but holds " + track.kind().name().toLowerCase());
                    }
                    TrackSegments cuts = kind == TrackIndex.Kind.VIDEO ? TrackSegments.atSyncSamples(track)
                            : videoCuts != null ? TrackSegments.alignedTo(track, videoCuts) : TrackSegments.every(track, 2);
                    if (!renditions.isEmpty() && !renditions.get(0).segments().sameCutsAs(cuts)) {
                        throw new Mp4FormatException(e.src() + " has its keyframes at other times than "
                                + renditions.get(0).file() + ": dynamic packaging needs the ladder's GOPs aligned");
                    }
                    renditions.add(new Rendition(e.src(), e.bitrate(), track, cuts));
                }
                if (kind == TrackIndex.Kind.VIDEO && videoCuts == null) {
                    videoCuts = renditions.get(0).segments().startTimes();
                }
                streams.add(new MediaStream(entries.get(0).trackName(), kind, entries.get(0).language(), List.copyOf(renditions)));
            }
        }
        return new Presentation(ismName, List.copyOf(streams));
    }
}
