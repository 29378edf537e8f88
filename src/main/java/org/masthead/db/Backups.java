package org.masthead.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Online backups of the embedded store: a consistent snapshot of the SQLite file (VACUUM INTO, taken
 * while the site keeps serving and writing) with the media folder, and the restore of one into an
 * empty data folder. Media files are content-addressed and never change, so copying them after the
 * snapshot gives every photo the snapshot knows. PostgreSQL sites use pg_dump (docs/backup.md).
 */
public final class Backups {
    public static final String DATABASE = "masthead.db";

    private Backups() {}

    /** What a backup holds. */
    public record Summary(Path dir, long databaseBytes, int mediaFiles, long mediaBytes) {}

    /** Snapshots {@code dataDir} into {@code target}, which must not exist or be empty. */
    public static Summary backup(Path dataDir, Path target) throws IOException {
        var db = dataDir.resolve(DATABASE);
        if (!Files.isRegularFile(db)) throw new IllegalArgumentException("there is no site in " + dataDir + " (no " + DATABASE + ")");
        if (Files.exists(target) && (!Files.isDirectory(target) || hasFiles(target))) {
            throw new IllegalArgumentException(target + " is not an empty folder; a backup never overwrites one");
        }
        Files.createDirectories(target);
        var snapshot = target.resolve(DATABASE).toAbsolutePath();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath()); var st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("VACUUM INTO '" + snapshot.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("the snapshot of " + db + " failed: " + e.getMessage(), e);
        }
        var media = copyTree(dataDir.resolve("media"), target.resolve("media"));
        Files.writeString(target.resolve("backup.json"), "{\"format\": \"masthead-backup/1\", \"created_at\": \"" + Instant.now()
            + "\", \"database\": \"" + DATABASE + "\", \"media_files\": " + media[0] + "}\n");
        return new Summary(target, Files.size(snapshot), (int) media[0], media[1]);
    }

    /** Restores a backup into {@code dataDir}, which must hold no site yet (stop the site and move its data away first). */
    public static Summary restore(Path backup, Path dataDir) throws IOException {
        var db = backup.resolve(DATABASE);
        if (!Files.isRegularFile(db) || !Files.isRegularFile(backup.resolve("backup.json"))) {
            throw new IllegalArgumentException(backup + " is not a Masthead backup (no " + DATABASE + " and backup.json)");
        }
        if (Files.exists(dataDir.resolve(DATABASE))) {
            throw new IllegalArgumentException(dataDir + " already holds a site; stop it and move " + dataDir.resolve(DATABASE) + " away first");
        }
        Files.createDirectories(dataDir);
        var media = copyTree(backup.resolve("media"), dataDir.resolve("media"));
        var partial = dataDir.resolve(DATABASE + ".restoring");
        Files.copy(db, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dataDir.resolve(DATABASE), StandardCopyOption.ATOMIC_MOVE); // the site appears whole, or not at all
        return new Summary(dataDir, Files.size(dataDir.resolve(DATABASE)), (int) media[0], media[1]);
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    /**
     * Copies every regular file below {@code from}; returns {count, bytes}. The site may be serving meanwhile: a file
     * still being written (the blob store's {@code .upload-*.tmp}, moved into place whole when done) is left out, and a
     * file or folder removed between being listed and copied (a crop made again) is skipped, as the site no longer has it.
     */
    private static long[] copyTree(Path from, Path to) throws IOException {
        var totals = new long[2];
        if (!Files.isDirectory(from)) return totals;
        Files.walkFileTree(from, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
                var name = f.getFileName().toString();
                if (!attrs.isRegularFile() || name.startsWith(".upload-") && name.endsWith(".tmp")) return java.nio.file.FileVisitResult.CONTINUE;
                var dest = to.resolve(from.relativize(f).toString());
                Files.createDirectories(dest.getParent());
                try {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (java.nio.file.NoSuchFileException gone) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                totals[0]++;
                totals[1] += Files.size(dest);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) return java.nio.file.FileVisitResult.CONTINUE;
                throw e;
            }
        });
        return totals;
    }
}
