package org.masthead.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A {@link BlobStore} on the local disk; writes go to a temporary file first, then move into place. */
public final class FileBlobStore implements BlobStore {
    private final Path root;

    public FileBlobStore(Path root) { this.root = root.toAbsolutePath().normalize(); }

    private Path resolve(String key) {
        var p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.contains("..")) throw new IllegalArgumentException("bad blob key " + key);
        return p;
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        var target = resolve(key);
        Files.createDirectories(target.getParent());
        var tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }
}
