package org.masthead.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** /_/metrics is for this machine, or for whoever holds the metrics token. */
class MetricsAccessIT {
    @Test
    void remote_scrapers_need_the_token() {
        // Loopback is a trusted proxy here, so X-Forwarded-For stands in for a scraper elsewhere (no traffic leaves the machine).
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("http.trusted-proxies", "127.0.0.1", "ops.metrics-token", "scrape-me-please"))) {
            var remote = app.browser().get("/_/metrics", Map.of("X-Forwarded-For", "203.0.113.5"));
            assertThat(remote.status()).isEqualTo(403);
            assertThat(remote.body()).contains("ops.metrics-token");
            var withToken = app.browser().get("/_/metrics", Map.of("X-Forwarded-For", "203.0.113.5", "Authorization", "Bearer scrape-me-please"));
            assertThat(withToken.status()).isEqualTo(200);
            assertThat(withToken.body()).contains("masthead_views_total");
            assertThat(app.browser().get("/_/metrics", Map.of("X-Forwarded-For", "203.0.113.5", "Authorization", "Bearer wrong")).status()).isEqualTo(403);
            assertThat(app.browser().get("/_/metrics").status()).isEqualTo(200); // this machine
        }
    }
}
