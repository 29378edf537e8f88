package org.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One-line conventions that catch drift (STYLE.md §10), including issue 8's: features free of screens. */
class ConventionsTest {
    static final Path MAIN = Path.of("src/main/java/org/masthead");
    static final Set<String> SHELLS = Set.of("site", "api", "app", "demo");
    static final Set<String> FEATURES = Set.of("account", "article", "taxonomy", "media", "popularity", "feeds", "webhooks", "cluster", "ops");

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void no_feature_imports_a_shell_issue_8() throws IOException {
        var offenders = new ArrayList<String>();
        for (var file : sources()) {
            var pkg = MAIN.relativize(file).getName(0).toString();
            if (!FEATURES.contains(pkg) && !pkg.equals("db") && !pkg.equals("http")) continue;
            for (var line : Files.readAllLines(file)) {
                for (var shell : SHELLS) {
                    if (line.startsWith("import org.masthead." + shell + ".")) offenders.add(MAIN.relativize(file) + ": " + line);
                }
                if ((pkg.equals("db") || pkg.equals("http")) && line.startsWith("import org.masthead.")
                    && !line.startsWith("import org.masthead.db.") && !line.startsWith("import org.masthead.http.")) {
                    offenders.add(MAIN.relativize(file) + " (plumbing): " + line);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void every_package_has_a_null_marked_package_info_issue_8() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            var missing = dirs.filter(Files::isDirectory).filter(d -> {
                var info = d.resolve("package-info.java");
                try {
                    return !Files.exists(info) || !Files.readString(info).contains("@org.jspecify.annotations.NullMarked");
                } catch (IOException e) {
                    return true;
                }
            }).map(d -> d.getFileName().toString()).toList();
            assertThat(missing).isEmpty();
        }
    }

    @Test
    void migrations_are_numbered_and_named_alike_in_both_engines() throws IOException {
        for (var engine : List.of("sqlite", "postgresql")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", engine))) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).allMatch(n -> n.matches("V\\d{3}__[a-z_]+\\.sql"));
            }
        }
        try (Stream<Path> a = Files.list(Path.of("src/main/resources/db/migration/sqlite"));
             Stream<Path> b = Files.list(Path.of("src/main/resources/db/migration/postgresql"))) {
            // A SQLite migration that SQL cannot express (a table rebuild) is a Java class in db.migration.sqlite instead.
            var sqlite = new java.util.TreeSet<>(a.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList());
            try (Stream<Path> java = Files.list(Path.of("src/main/java/db/migration/sqlite"))) {
                java.map(p -> p.getFileName().toString().replace(".java", ".sql")).forEach(sqlite::add);
            }
            assertThat(sqlite).containsExactlyElementsOf(new java.util.TreeSet<>(b.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList()));
        }
    }
}
