package org.masthead.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party test data (../shared/testdata beside the checkout, as on developer machines and CI).
 * Looks in the parents of the working folder too, then beside the local checkout this one was cloned from, and fails
 * with a message saying where it looked.
 */
public final class Testdata {
    private Testdata() {}

    public static Path dir() {
        for (var d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            var candidate = d.resolve("shared/testdata");
            if (Files.isDirectory(candidate)) return candidate;
            var sibling = d.resolveSibling("shared/testdata");
            if (d.getParent() != null && Files.isDirectory(sibling)) return sibling;
        }
        var origin = clonedFrom(); // a clean clone made anywhere (mktemp -d): the data beside the checkout it was cloned from
        if (origin != null && Files.isDirectory(origin.resolveSibling("shared/testdata"))) return origin.resolveSibling("shared/testdata");
        throw new IllegalStateException("shared/testdata not found beside " + Path.of("").toAbsolutePath() + ", any parent, or the checkout it was cloned from");
    }

    /** The local folder this checkout was cloned from (git's origin), or null. */
    private static Path clonedFrom() {
        try {
            var git = new ProcessBuilder("git", "config", "--get", "remote.origin.url").redirectErrorStream(true).start();
            var url = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (url.startsWith("file://")) url = url.substring("file://".length());
            if (git.waitFor() != 0 || url.isEmpty() || url.contains("://") || url.contains("@")) return null;
            var path = Path.of(url).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? path : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public static Path resolve(String relative) { return dir().resolve(relative); }
}
