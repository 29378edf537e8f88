package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;

/**
 * A node whose Redis goes away: pages keep being served, views keep being counted in memory, the
 * health endpoint says counting is degraded, and the counts reach Redis when it is back. Uses a
 * private redis-server on a free port so the shared one is never touched.
 */
class RedisOutageIT {
    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process redis(int port) throws Exception {
        var p = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on " + port);
    }

    static void waitFor(java.util.function.BooleanSupplier condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void counting_survives_a_redis_outage_and_catches_up() throws Exception {
        int port = freePort();
        var server = redis(port);
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("redis.url", "redis://127.0.0.1:" + port, "redis.key-prefix", "outage"))) {
            var path = PublishedSite.publish(app, 1);
            long id = app.services().articles().findPublished(path.split("/")[1], path.split("/")[2]).orElseThrow().id();
            var popularity = app.services().popularity();
            waitFor(() -> popularity.views(id) == 1, Duration.ofSeconds(5));

            server.destroyForcibly().waitFor();
            for (int i = 0; i < 6; i++) assertThat(app.browser().userAgent(Visitors.fresh()).beacon(id).status()).isEqualTo(204);
            waitFor(() -> app.browser().get("/_/health").body().contains("\"status\":\"degraded\""), Duration.ofSeconds(10));
            var health = app.browser().get("/_/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"healthy\":false").containsPattern("\"pendingKeys\":[1-9]");
            assertThat(app.browser().get(path).status()).isEqualTo(200);

            server = redis(port); // a fresh, empty Redis: what the old one held is gone with it
            waitFor(() -> app.browser().get("/_/health").body().contains("\"status\":\"ok\""), Duration.ofSeconds(20));
            waitFor(() -> popularity.views(id) == 6, Duration.ofSeconds(5));
        } finally {
            server.destroyForcibly().waitFor();
        }
    }
}
