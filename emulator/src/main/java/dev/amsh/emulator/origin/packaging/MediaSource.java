package dev.amsh.emulator.origin.packaging;

import java.io.IOException;
import java.util.Map;

/** The files of one asset, as the packager reads them: by name, in byte ranges. */
public interface MediaSource {

    /** Every file by name, with its ETag and length: what a cached index is checked against. */
    Map<String, StoredFile> files() throws IOException;

    /** {@code length} bytes of {@code name} from {@code offset}; fewer only at the end of the file. */
    byte[] read(String name, long offset, int length) throws IOException;
}
