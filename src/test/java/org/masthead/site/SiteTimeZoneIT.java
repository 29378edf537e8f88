package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Api;
import org.masthead.testing.TestApp;

/** Issue 10: dates on reader and newsroom pages are in the site's time zone, daylight saving included. */
class SiteTimeZoneIT {
    @Test
    void a_new_york_site_shows_est_in_winter_and_edt_in_summer_while_machines_read_utc_issue_10() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("site.time-zone", "America/New_York"))) {
            var admin = app.signedIn("tz-admin@example.com", Role.ADMIN);
            var token = Api.token(admin, "editor");
            var http = HttpClient.newHttpClient();
            String[] paths = new String[2];
            String[][] cases = {{"Winter story", "2026-12-01T17:58:00Z"}, {"Summer story", "2026-07-01T16:58:00Z"}};
            for (int i = 0; i < 2; i++) {
                var body = "{\"headline\": \"" + cases[i][0] + "\", \"section\": \"news\", \"bylines\": [\"Ana Ruiz\"], \"published_at\": \"" + cases[i][1] + "\"}";
                var created = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/articles")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body());
                http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/articles/" + node.get("id").asLong() + "/publish"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                paths[i] = node.get("path").asText();
            }
            var winter = app.browser().get(paths[0]).body();
            assertThat(winter).contains("<time dir=\"auto\" datetime=\"2026-12-01T17:58:00Z\">1 December 2026, 12:58 EST</time>");
            var summer = app.browser().get(paths[1]).body();
            assertThat(summer).contains("<time dir=\"auto\" datetime=\"2026-07-01T16:58:00Z\">1 July 2026, 12:58 EDT</time>");
            assertThat(admin.get("/newsroom/audit").body()).containsPattern("\\d{2}:\\d{2} E[SD]T</time>");
        }
    }
}
