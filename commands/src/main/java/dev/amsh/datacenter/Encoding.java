package dev.amsh.datacenter;

import dev.amsh.paging.Paged;

/**
 * A datacenter's uploads and encoding: what {@code upload}, {@code encode} and {@code jobs} ask of either kind,
 * kept apart from the library half of {@link Datacenter} because each kind serves it from one object of its own
 * (v2 Jobs and Tasks, v3 Transforms and Jobs).
 */
public interface Encoding {
    /**
     * A new asset for an upload or an encode's output, made once: v2 finds a create whose answer was lost by
     * {@code mark} (its AlternateId); v3 refuses a name already taken (a PUT would take that asset over) and
     * repeats its PUT safely.
     */
    MediaAsset createNewAsset(String name, String mark);

    /** The uploaded blob {@code fileName} as the asset's primary file: v2 CreateFileInfos and IsPrimary; v3 the blob. */
    MediaFile registerUpload(MediaAsset asset, String fileName);

    /**
     * Submits an encode of {@code input} into a new asset named {@code outputName} with {@code preset} (null: adaptive
     * streaming; v2 Media Encoder Standard's "Adaptive Streaming", v3 a Transform with the built-in AdaptiveStreaming,
     * made once). A lost answer is looked up by the job's name, never submitted twice.
     */
    MediaJob submitEncode(MediaAsset input, String outputName, String preset);

    /** A job's state and progress as a poller: each {@link Poller#poll()} reads it once; the result is the job as it ends. */
    Poller<MediaJob, MediaJob> follow(MediaJob job);

    /** The output asset of a finished job, ready to publish (v2: its .ism made primary, as the procedure does). */
    MediaAsset jobOutput(MediaJob job);

    /** The jobs, newest first where the service orders them; at most {@code top}. */
    Paged<MediaJob> jobs(Integer top);

    /** A job by its id (v2 nb:jid, v3 job name); one clear line when none. */
    MediaJob job(String id);

    /** Asks the service to cancel a job still running; it ends Canceled. */
    void cancelJob(MediaJob job);
}
