package dev.amsh.emulator.faults;

import java.util.Locale;

/** The ways a datacenter fails a request, as real services fail them. */
public enum FaultKind {
    /** Refused before acting: 503 with Retry-After (throttling, a node draining). */
    SERVICE_UNAVAILABLE("503"),
    /** Refused before acting: 429 with Retry-After (the account's request rate is over its limit). */
    THROTTLED("429"),
    /** Failed before acting: 500. */
    INTERNAL_ERROR("500"),
    /** The connection is closed before the request is applied. */
    RESET("reset"),
    /** The request is applied, then the connection is closed before the answer: the client cannot know. */
    LOST_RESPONSE("lost-response"),
    /** The answer comes, late (a few hundred milliseconds). */
    LATENCY("latency"),
    /** No answer until the connection is dropped long after any sensible client timeout. */
    HANG("hang");

    private final String word;

    FaultKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static FaultKind parse(String word) {
        for (FaultKind k : values()) {
            if (k.word.equals(word.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + word + "' (kinds: 503, 429, 500, reset, lost-response, latency, hang)");
    }
}
