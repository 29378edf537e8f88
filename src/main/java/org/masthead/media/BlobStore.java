package org.masthead.media;

import java.io.IOException;
import java.util.Optional;

/** Where media bytes live. Keys are relative paths such as {@code originals/ab/abcdef….jpg}. */
public interface BlobStore {
    /** Stores {@code bytes} under {@code key} atomically: readers see all of it or nothing. */
    void put(String key, byte[] bytes) throws IOException;

    Optional<byte[]> get(String key) throws IOException;

    void delete(String key) throws IOException;
}
