package org.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real SQLite data folder. */
class CliIT {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void run_on_a_taken_port_exits_non_zero_with_the_reason_and_leaves_nothing_running_issue_8(@TempDir Path dir) throws Exception {
        try (var blocker = new java.net.ServerSocket(0)) {
            var refused = run("run", "--port", String.valueOf(blocker.getLocalPort()), "--data", dir.toString());
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("masthead: ").contains("Port already in use");
            Thread.sleep(200);
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).noneMatch(n -> n.equals("jobs") || n.startsWith("job-"));
        }
    }

    @Test
    void token_add_prints_a_working_token_on_its_last_line_and_token_revoke_stops_it_issue_9(@TempDir Path dir) {
        var none = run("token", "add", "--name", "ops", "--scope", "read", "--data", dir.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("there is no admin yet");
        assertThat(run("user", "add", "--email", "boss@example.com", "--role", "admin", "--data", dir.toString()).code()).isZero();
        assertThat(run("token", "add", "--name", "ops", "--scope", "everything", "--data", dir.toString()).err()).contains("--scope must be read or editor");
        var added = run("token", "add", "--name", "Nightly export", "--scope", "editor", "--user", "boss@example.com", "--data", dir.toString());
        assertThat(added.code()).as(added.err()).isZero();
        var lines = added.out().strip().lines().toList();
        var token = lines.getLast();
        assertThat(token).matches("mh_[A-Za-z0-9_-]{43}");
        assertThat(lines.getFirst()).contains("editor token 'Nightly export'").contains("boss@example.com");
        var id = lines.getFirst().replaceAll(".*\\(id (\\d+)\\).*", "$1");
        try (var services = new Main.ClosingServices(App.services(Main.loadConfig(java.util.Map.of("data.dir", dir.toString())), java.time.Clock.systemUTC()))) {
            assertThat(services.s().apiTokens().verify(token)).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(run("token", "revoke", id, "--data", dir.toString()).out()).contains("Revoked token " + id);
        assertThat(run("token", "revoke", id, "--data", dir.toString()).code()).isEqualTo(2);
        try (var services = new Main.ClosingServices(App.services(Main.loadConfig(java.util.Map.of("data.dir", dir.toString())), java.time.Clock.systemUTC()))) {
            assertThat(services.s().apiTokens().verify(token)).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void user_add_prints_a_generated_password_and_refuses_duplicates(@TempDir Path dir) {
        var added = run("user", "add", "--email", "Reporter@Example.com", "--role", "editor", "--data", dir.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added editor reporter@example.com").containsPattern("Password: [A-Za-z0-9]{20}");
        assertThat(Files.exists(dir.resolve("masthead.db"))).isTrue();
        var again = run("user", "add", "--email", "reporter@example.com", "--role", "admin", "--data", dir.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void user_add_reads_the_password_from_stdin_and_checks_it(@TempDir Path dir) {
        var stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("short\n".getBytes()));
            var weak = run("user", "add", "--email", "w@example.com", "--role", "editor", "--password-stdin", "--data", dir.toString());
            assertThat(weak.code()).isEqualTo(2);
            assertThat(weak.err()).contains("at least 12 characters");
            System.setIn(new java.io.ByteArrayInputStream("a long enough password\n".getBytes()));
            var ok = run("user", "add", "--email", "w@example.com", "--role", "editor", "--password-stdin", "--data", dir.toString());
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("Added editor w@example.com").doesNotContain("Password:");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void bad_role_and_bad_email_are_named(@TempDir Path dir) {
        var role = run("user", "add", "--email", "a@example.com", "--role", "boss", "--data", dir.toString());
        assertThat(role.code()).isEqualTo(2);
        assertThat(role.err()).contains("--role").contains("boss").contains("contributor, editor or admin");
        var email = run("user", "add", "--email", "not-an-email", "--role", "editor", "--data", dir.toString());
        assertThat(email.code()).isEqualTo(2);
        assertThat(email.err()).contains("not-an-email").contains("not an email address");
        var missing = run("user", "add", "--role", "editor");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("--email");
    }

    @Test
    void backup_snapshots_a_serving_site_and_restore_brings_it_back_whole_issue_11(@TempDir Path dir) throws Exception {
        var backup = dir.resolve("backup");
        var restored = dir.resolve("restored");
        String path;
        try (var app = org.masthead.testing.TestApp.start(org.masthead.db.Database.Engine.SQLITE)) {
            path = org.masthead.testing.PublishedSite.publish(app, 3);
            assertThat(app.browser().get(path).status()).isEqualTo(200);
            // A writer keeps going while the snapshot is taken: the site keeps serving and saving.
            var writes = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> {
                for (int i = 0; i < 20; i++) app.services().popularity().beacon(app.services().articles().listPublished(null, 1, 0).get(0).id(), "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0", null, "127.0.0." + (i + 2));
                app.services().popularity().tick();
                return null;
            });
            var inFlight = Files.createDirectories(app.dataDir().resolve("media/originals/zz")).resolve(".upload-42.tmp"); // an upload half written
            Files.write(inFlight, new byte[] {1, 2, 3});
            var made = run("backup", backup.toString(), "--data", app.dataDir().toString());
            writes.get();
            assertThat(made.code()).as(made.err()).isZero();
            assertThat(made.out()).contains("Backed up to").contains("media files");
            assertThat(run("backup", backup.toString(), "--data", app.dataDir().toString()).err()).contains("is not an empty folder");
            try (var files = Files.walk(backup.resolve("media"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".jpg")).count()).as("the photos' files").isGreaterThanOrEqualTo(3);
            }
            try (var files = Files.walk(backup.resolve("media"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".tmp")).toList()).as("a file still being written is not backed up").isEmpty();
            }
        }
        var restore = run("restore", backup.toString(), "--data", restored.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(run("restore", backup.toString(), "--data", restored.toString()).err()).contains("already holds a site");
        assertThat(run("restore", dir.resolve("nothing").toString(), "--data", dir.resolve("x").toString()).err()).contains("is not a Masthead backup");
        try (var again = org.masthead.testing.TestApp.start(org.masthead.db.Database.Engine.SQLITE, java.util.Map.of("data.dir", restored.toString()))) {
            var page = again.browser().get(path);
            assertThat(page.status()).isEqualTo(200);
            var photo = page.body().replaceAll("(?s).*?<img src=\"(/media/[^\"]+)\".*", "$1");
            assertThat(again.browser().get(photo).status()).as(photo).isIn(200, 302);
            assertThat(again.services().articles().listPublished(null, 10, 0)).hasSize(3);
        }
    }

    @Test
    void import_wxr_reports_what_came_in_and_refuses_a_malformed_export_naming_where_issue_11(@TempDir Path dir) throws Exception {
        var export = org.masthead.testing.Testdata.resolve("wxr/wordpress-importer/phpunit-data/small-export.xml").toString();
        assertThat(run("import", "wxr", export, "--data", dir.toString()).err()).contains("there is no admin yet");
        assertThat(run("user", "add", "--email", "importer@example.com", "--role", "admin", "--data", dir.toString()).code()).isZero();
        var dry = run("import", "wxr", export, "--data", dir.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run, nothing stored: would import 6 stories");
        var done = run("import", "wxr", export, "--data", dir.toString());
        assertThat(done.out()).contains("Imported 6 stories and 4 pages (10 new, 0 updated)").contains("not imported: {page (draft)=1}").contains("comments counted");
        assertThat(run("import", "wxr", export, "--data", dir.toString()).out()).contains("0 new, 10 updated");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("masthead.db")); var rs = c.createStatement().executeQuery("select version from site_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("each import tells running nodes to re-render").isGreaterThanOrEqualTo(3);
        }
        var bad = run("import", "wxr", org.masthead.testing.Testdata.resolve("wxr/wordpress-importer/phpunit-data/malformed.xml").toString(), "--data", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("line ").contains("column ").contains("nothing was imported");
        assertThat(run("import", "wxr", dir.resolve("missing.xml").toString(), "--data", dir.toString()).err()).contains("no such file");
    }

    /** An export of {@code n} published posts, each with two tags, in two categories. */
    static String generatedExport(int n) {
        var sb = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Kill Gazette</title><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://kill-gazette.example</wp:base_site_url>
            """);
        for (int i = 1; i <= n; i++) {
            sb.append("<item><title>Story ").append(i).append("</title><link>https://kill-gazette.example/story-").append(i).append("/</link>")
                .append("<dc:creator>reporter</dc:creator><content:encoded><![CDATA[Paragraph one of ").append(i).append(".\n\nParagraph two.]]></content:encoded>")
                .append("<wp:post_id>").append(i).append("</wp:post_id><wp:post_date_gmt>2021-03-04 05:06:07</wp:post_date_gmt>")
                .append("<wp:post_name>story-").append(i).append("</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>")
                .append("<category domain=\"category\" nicename=\"").append(i % 2 == 0 ? "world" : "local").append("\">x</category>")
                .append("<category domain=\"post_tag\" nicename=\"t").append(i % 7).append("\">Tag ").append(i % 7).append("</category></item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }

    static long scalar(Path db, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void import_wxr_killed_mid_way_resumes_from_its_checkpoint_without_duplicates_issue_11(@TempDir Path dir) throws Exception {
        int n = 2500;
        var export = Files.writeString(dir.resolve("big.xml"), generatedExport(n));
        var data = dir.resolve("data");
        assertThat(run("user", "add", "--email", "killer@example.com", "--role", "admin", "--data", data.toString()).code()).isZero();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.masthead.app.Main", "import", "wxr", export.toString(),
            "--data", data.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        long done = 0;
        for (int i = 0; i < 600 && process.isAlive(); i++) {
            Thread.sleep(50);
            try {
                done = scalar(data.resolve("masthead.db"), "select done from import_run");
            } catch (java.sql.SQLException busy) {
                continue;
            }
            if (done >= 300) break;
        }
        assertThat(process.isAlive()).as("still importing when killed: " + Files.readString(dir.resolve("first.log"))).isTrue();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        process.waitFor();
        long checkpoint = scalar(data.resolve("masthead.db"), "select done from import_run");
        long stories = scalar(data.resolve("masthead.db"), "select count(*) from article");
        assertThat(checkpoint).isPositive().isLessThan(n);
        assertThat(stories).as("the checkpoint moves with its batch: every story before it is in, none past the batch").isBetween(checkpoint, checkpoint + org.masthead.importer.WxrImport.BATCH);
        var resumed = run("import", "wxr", export.toString(), "--data", data.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed after " + checkpoint + " items");
        assertThat(scalar(data.resolve("masthead.db"), "select count(*) from article")).isEqualTo(n);
        assertThat(scalar(data.resolve("masthead.db"), "select count(*) from import_item")).isEqualTo(n);
        assertThat(scalar(data.resolve("masthead.db"), "select count(distinct slug) from article")).as("no story twice under another slug").isEqualTo(n);
        assertThat(scalar(data.resolve("masthead.db"), "select state = 'done' from import_run")).isEqualTo(1);
    }

    @Test
    void export_writes_a_zip_or_wxr_and_import_site_loads_it_only_into_an_empty_site_issue_11(@TempDir Path dir) throws Exception {
        var data = dir.resolve("data").toString();
        assertThat(run("user", "add", "--email", "exporter@example.com", "--role", "admin", "--data", data).code()).isZero();
        var export = org.masthead.testing.Testdata.resolve("wxr/wordpress-importer/phpunit-data/small-export.xml").toString();
        assertThat(run("import", "wxr", export, "--data", data).code()).isZero();
        var zip = dir.resolve("site.zip").toString();
        var out = run("export", zip, "--data", data);
        assertThat(out.code()).as(out.err()).isZero();
        assertThat(out.out()).contains("Exported to").contains("6 stories");
        assertThat(run("export", zip, "--data", data).err()).contains("exists");
        var loaded = run("import", "site", zip, "--data", dir.resolve("other").toString());
        assertThat(loaded.code()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("Loaded").contains("6 stories").contains("reset");
        var again = run("import", "site", zip, "--data", dir.resolve("other").toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("not empty").contains("nothing was loaded");
        var wxr = run("export", dir.resolve("site.xml").toString(), "--data", data);
        assertThat(wxr.out()).contains("WordPress WXR 1.2").contains("6 posts");
        assertThat(run("export", dir.resolve("x.bin").toString(), "--format", "csv", "--data", data).err()).contains("masthead or wxr");
        assertThat(run("import", "site", dir.resolve("site.xml").toString(), "--data", dir.resolve("third").toString()).err()).contains("nothing was loaded");
    }

    @Test
    void reindex_rebuilds_the_search_index_with_a_progress_bar_and_eta_issue_12(@TempDir Path dir) throws Exception {
        var done = run("reindex", "--data", dir.toString());
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.err()).contains("stories").contains("ETA").contains("[##############################]");
        assertThat(done.out()).startsWith("Reindexed 0 stories into g");
        var current = Files.readString(dir.resolve("search").resolve("CURRENT")).strip();
        assertThat(dir.resolve("search").resolve(current)).isDirectory();
        assertThat(Main.progressBar(50, 200, 2_000_000_000L)).isEqualTo("[#######.......................] 50 / 200 stories  25%  25/s  ETA 0:06");
        assertThat(run("reindex", "--threads", "0", "--data", dir.toString()).err()).contains("--threads must be from 1 to 256");
    }

    @Test
    void reindex_on_several_threads_beside_a_serving_site_indexes_every_story_and_the_site_takes_it_up_issue_12(@TempDir Path dir) throws Exception {
        try (var app = org.masthead.testing.TestApp.start(org.masthead.db.Database.Engine.SQLITE)) {
            var s = app.services();
            var admin = s.accounts().create("reindex-admin@example.com", "Reindex Admin", org.masthead.account.Role.ADMIN, "reindex admin password");
            long news = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
            for (int i = 0; i < 1_100; i++) { // more than two pages of ids, split over the threads
                s.publishing().create(admin, new org.masthead.article.ArticleDraft("Harbour story " + i, "", news, "", "<p>Ferry " + i + ".</p>", "",
                    java.util.List.of("Clara Wren"), java.util.List.of(), ""), (Long) null);
            }
            var done = run("reindex", "--threads", "3", "--data", app.dataDir().toString());
            assertThat(done.code()).as(done.err()).isZero();
            assertThat(done.out()).startsWith("Reindexed " + app.services().articles().count() + " stories into g");
            var generation = done.out().replaceAll("(?s).* into (g[0-9]+).*", "$1");
            long deadline = System.currentTimeMillis() + 5_000;
            while (!Files.readString(app.dataDir().resolve("search/CURRENT")).strip().equals(generation) && System.currentTimeMillis() < deadline) Thread.sleep(50);
            try (var dirOf = org.apache.lucene.store.FSDirectory.open(app.dataDir().resolve("search").resolve(generation));
                 var reader = org.apache.lucene.index.DirectoryReader.open(dirOf)) {
                assertThat(reader.numDocs()).as("every story once, whichever thread took it").isGreaterThanOrEqualTo((int) app.services().articles().count());
                assertThat(reader.leaves().getFirst().reader().getMetaData().sort()).isNotNull();
            }
        }
    }
}
