package org.masthead.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party test data (../shared/testdata beside the checkout, as on developer machines and CI).
 * Looks in the parents of the working folder too, and fails with a message saying where it looked.
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
        throw new IllegalStateException("shared/testdata not found beside " + Path.of("").toAbsolutePath() + " or any parent");
    }

    public static Path resolve(String relative) { return dir().resolve(relative); }
}
