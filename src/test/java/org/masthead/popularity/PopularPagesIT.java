package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;

/** The rankings as readers, editors, API clients and monitoring see them, over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PopularPagesIT {
    TestApp app;
    long top;

    @BeforeAll
    void start() throws Exception {
        app = TestApp.start(Database.Engine.SQLITE);
        PublishedSite.publish(app, 12);
        top = app.services().articles().listPublished(null, 20, 0).stream().filter(s -> s.headline().contains("number 7 ")).findFirst().orElseThrow().id();
        for (int i = 0; i < 9; i++) app.browser().userAgent(Visitors.fresh()).beacon(top);
        app.services().popularity().tick();
        // The 7- and 30-day windows are recomputed every 10 ticks (docs/popularity.md): wait for them.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            var month = app.services().popularity().rankings().mostRead(Window.MONTH, null);
            if (!month.isEmpty() && month.get(0).views() == 10) break;
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() { app.close(); }

    @Test
    void api_serves_each_window_and_section_with_the_same_ranking_as_the_rails() throws Exception {
        var json = new ObjectMapper();
        for (var w : new String[] {"1h", "24h", "7d", "30d"}) {
            var res = app.browser().get("/api/v1/popular?window=" + w + "&limit=3");
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.header("Content-Type")).startsWith("application/json");
            var items = json.readTree(res.body()).get("items");
            assertThat(items).hasSize(3);
            assertThat(items.get(0).get("id").asLong()).isEqualTo(top);
            assertThat(items.get(0).get("views").asLong()).isEqualTo(10);
            assertThat(items.get(0).get("url").asText()).startsWith("http").endsWith(app.services().articles().find(top).orElseThrow().path());
        }
        var section = app.services().articles().find(top).orElseThrow().section();
        var bySection = json.readTree(app.browser().get("/api/v1/popular?section=" + section.slug()).body()).get("items");
        assertThat(bySection.get(0).get("id").asLong()).isEqualTo(top);
        bySection.forEach(item -> assertThat(item.get("section").asText()).isEqualTo(section.slug()));
        var trending = json.readTree(app.browser().get("/api/v1/popular?window=trending").body()).get("items");
        assertThat(trending.get(0).get("id").asLong()).isEqualTo(top);
        assertThat(trending.get(0).get("score").asDouble()).isPositive();

        var front = app.browser().get(section.path()).body();
        var rail = front.substring(front.indexOf("<aside class=\"popular\""));
        assertThat(rail).contains(app.services().articles().find(top).orElseThrow().headline());
        var otherSections = app.services().taxonomy().listSections().stream().filter(s -> s.id() != section.id()).map(s -> "href=\"/" + s.slug() + "/").toList();
        otherSections.forEach(prefix -> assertThat(rail).doesNotContain(prefix));
    }

    @Test
    void api_refuses_bad_parameters_with_problem_json() {
        for (var q : new String[] {"window=2h", "limit=0", "limit=x", "limit=500", "section=nope"}) {
            var res = app.browser().get("/api/v1/popular?" + q);
            assertThat(res.status()).as(q).isEqualTo(400);
            assertThat(res.header("Content-Type")).startsWith("application/problem+json");
            assertThat(res.body()).contains("\"status\":400").contains("\"detail\"");
        }
    }

    @Test
    void newsroom_most_read_page_shows_windows_sparklines_rate_and_bot_share() {
        app.browser().userAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").beacon(top);
        var editor = app.signedIn("popular-editor@example.com", Role.EDITOR);
        var page = editor.get("/newsroom/popular");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Most read now").contains("Last hour").contains("Last 24 hours").contains("Last 7 days")
            .contains("Last 30 days").contains("Trending now").contains("<svg class=\"spark\"").contains("views per second")
            .containsPattern("<strong>[0-9.]+%</strong> of beacons filtered as bots");
        assertThat(app.browser().get("/newsroom/popular").status()).isEqualTo(302);
    }

    @Test
    void behind_a_trusted_proxy_readers_are_told_apart_by_x_forwarded_for() throws Exception {
        try (var proxied = TestApp.start(Database.Engine.SQLITE, java.util.Map.of("http.trusted-proxies", "127.0.0.1", "popularity.per-address-per-minute", "3"))) {
            var path = PublishedSite.publish(proxied, 1);
            long id = proxied.services().articles().findPublished(path.split("/")[1], path.split("/")[2]).orElseThrow().id();
            var http = java.net.http.HttpClient.newHttpClient();
            for (var forwarded : new String[] {"203.0.113.9", "203.0.113.9", "203.0.113.9", "203.0.113.9", "203.0.113.10"}) {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(proxied.baseUrl() + "/_/view"))
                    .header("User-Agent", Visitors.fresh()).header("X-Forwarded-For", forwarded)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id=" + id)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            }
            assertThat(proxied.services().popularity().count(Popularity.Outcome.RATE_LIMITED)).isEqualTo(1); // the 4th from .9
            assertThat(proxied.services().popularity().count(Popularity.Outcome.COUNTED)).isEqualTo(1 + 4);   // 1 from setup, 3 + 1
        }
    }

    @Test
    void health_and_metrics_report_counting() {
        var health = app.browser().get("/_/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"store\":\"sql\"");
        var metrics = app.browser().get("/_/metrics").body(); // from this machine: allowed without a token
        assertThat(metrics).containsPattern("masthead_views_total\\{outcome=\"counted\"} [1-9]");
    }
}
