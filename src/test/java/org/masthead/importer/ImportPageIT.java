package org.masthead.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;
import org.masthead.testing.Testdata;

/** Issue 11: an admin uploads a WordPress export in the newsroom; it runs on the jobs runner with progress, and a run cut short is carried on. */
class ImportPageIT {
    static com.fasterxml.jackson.databind.JsonNode waitDone(org.masthead.testing.Browser admin, long id) throws Exception {
        com.fasterxml.jackson.databind.JsonNode status = null;
        for (int i = 0; i < 150; i++) {
            status = new ObjectMapper().readTree(admin.get("/newsroom/import/" + id + "/status").body());
            if (status.get("state").asText().equals("done") || status.get("state").asText().equals("failed")) return status;
            Thread.sleep(100);
        }
        return status;
    }

    @Test
    void an_uploaded_export_is_imported_by_the_jobs_runner_with_its_progress_and_report_issue_11() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var admin = app.signedIn("import-admin@example.com", Role.ADMIN);
            assertThat(admin.get("/newsroom/import").body()).contains("WordPress export");
            var export = Files.readAllBytes(Testdata.resolve("wxr/wordpress-importer/phpunit-data/small-export.xml"));
            var posted = admin.postMultipart("/newsroom/import", Map.of(), "file", "small-export.xml", export);
            assertThat(posted.status()).as(posted.body()).isEqualTo(303);
            long id = Long.parseLong(posted.header("Location").replaceAll("^/newsroom/import/(\\d+)$", "$1"));
            assertThat(admin.get(posted.header("Location")).body()).contains("<progress");
            var status = waitDone(admin, id);
            assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("done");
            assertThat(status.get("percent").asInt()).isEqualTo(100);
            assertThat(status.get("text").asText()).contains("Imported 6 stories and 4 pages");
            assertThat(admin.get("/newsroom/import/" + id).body()).contains("Imported 6 stories");
            try (var files = Files.list(app.dataDir().resolve("imports"))) {
                assertThat(files).as("the uploaded export is removed once imported").isEmpty();
            }
            // Not an export: refused on the spot, nothing queued.
            var photo = admin.postMultipart("/newsroom/import", Map.of(), "file", "photo.jpg", org.masthead.testing.Fixtures.jpeg(10, 10, 1));
            assertThat(photo.status()).isEqualTo(415);
            assertThat(photo.body()).contains("not a WordPress export");
            // A malformed one fails with where, and says nothing was imported.
            var bad = admin.postMultipart("/newsroom/import", Map.of(), "file", "bad.xml",
                Files.readAllBytes(Testdata.resolve("wxr/wordpress-importer/phpunit-data/malformed.xml")));
            var badStatus = waitDone(admin, Long.parseLong(bad.header("Location").replaceAll("^/newsroom/import/(\\d+)$", "$1")));
            assertThat(badStatus.get("state").asText()).isEqualTo("failed");
            assertThat(badStatus.get("text").asText()).contains("line ").contains("nothing was imported");
            // A run left "running" by a node that died (kill -9 mid-import) is carried on by the runner once it stops moving.
            var copy = Files.copy(Testdata.resolve("wxr/wordpress-importer/phpunit-data/valid-wxr-1.1.xml"), app.dataDir().resolve("cut-short.xml"));
            var user = app.services().users().findByEmail("import-admin@example.com").orElseThrow();
            long stale = app.services().db().transaction(h -> h.createUpdate("insert into import_run (kind, file, file_sha, options, state, created_by, created_at, updated_at) "
                    + "values ('wxr', :f, 'x', '{}', 'running', :u, 0, 0)").bind("f", copy.toString()).bind("u", user.id())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            app.jobs().nudge("imports");
            var carried = waitDone(admin, stale);
            assertThat(carried.get("state").asText()).as(carried.toString()).isEqualTo("done");
            assertThat(Files.exists(copy)).as("an operator's own file is left where it was").isTrue();
        }
    }
}
