package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.app.App;
import org.masthead.app.AppConfig;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;

/** kill -9 of a real server process: flushed views survive, the database stays sound, rankings come back. */
class CrashIT {
    @Test
    void kill_minus_9_loses_at_most_the_unflushed_views(@TempDir Path dir) throws Exception {
        long id;
        try (var app = TestApp.start(org.masthead.db.Database.Engine.SQLITE, Map.of("data.dir", dir.toString()))) {
            var path = PublishedSite.publish(app, 2); // one view each, flushed
            id = app.services().articles().findPublished(path.split("/")[1], path.split("/")[2]).orElseThrow().id();
        }
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var java = ProcessHandle.current().info().command().orElse("java");
        var server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            "org.masthead.app.Main", "run", "--port", String.valueOf(port), "--data", dir.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            var http = HttpClient.newHttpClient();
            var base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(base + "/_/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) break;
                } catch (java.io.IOException e) {
                    Thread.sleep(100);
                }
            }
            for (int i = 0; i < 20; i++) beacon(http, base, id);
            Thread.sleep(1500); // a few 500 ms ticks: these 20 are flushed
            for (int i = 0; i < 20; i++) beacon(http, base, id);
            server.destroyForcibly().waitFor(); // SIGKILL right away: the second 20 may not be flushed
        } finally {
            server.destroyForcibly().waitFor();
        }
        var config = AppConfig.load(new Properties(), Map.of(), Map.of("data.dir", dir.toString(), "http.port", "0", "http.host", "127.0.0.1"));
        var services = App.services(config, Clock.systemUTC());
        try {
            String integrity = services.db().read(h -> h.createQuery("pragma integrity_check").mapTo(String.class).one());
            assertThat(integrity).isEqualTo("ok");
            services.popularity().load();
            long stored = services.popularity().views(id);
            assertThat(stored).isBetween(21L, 41L);
            assertThat(services.popularity().rankings().mostRead(Window.DAY, null)).extracting(r -> r.article().id()).startsWith(id);
        } finally {
            services.close();
        }
        assertThat(Files.readString(dir.resolve("server.log"))).doesNotContain("Exception");
    }

    static void beacon(HttpClient http, String base, long id) throws Exception {
        var res = http.send(HttpRequest.newBuilder(URI.create(base + "/_/view")).header("User-Agent", Visitors.fresh())
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("id=" + id)).build(),
            HttpResponse.BodyHandlers.discarding());
        assertThat(res.statusCode()).isEqualTo(204);
    }
}
