package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** Publishing an article: the purge keys reach the CDN hook and the webhook fires; a receiver runs inside the test. */
class CdnPurgeIT {
    @Test
    void publishing_sends_the_keys_that_the_pages_carry() throws Exception {
        var received = new CopyOnWriteArrayList<String>();
        var headers = new CopyOnWriteArrayList<String>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/purge", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.add(String.valueOf(exchange.getRequestHeaders().getFirst("Fastly-Key")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        var hooks = new CopyOnWriteArrayList<String>();
        receiver.createContext("/hook", exchange -> {
            hooks.add(exchange.getRequestHeaders().getFirst("X-Masthead-Event") + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("cdn.purge-url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/purge",
            "cdn.purge-header", "Fastly-Key: s3cret-token", "http.allow-private-targets", "true"))) {
            var admin = app.signedIn("cdn-admin@example.com", Role.ADMIN);
            assertThat(admin.post("/newsroom/webhooks", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "events", "article.published")).status()).isEqualTo(201);
            var editor = app.signedIn("cdn@example.com", Role.EDITOR);
            var news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
            var form = Fixtures.articleForm(news, "Purge me", Map.of("action", "publish", "tags", "Harbour Life"));
            var res = editor.postMultipart("/newsroom/articles", form, "photo", "p.jpg", Fixtures.jpeg(400, 300, 8));
            long id = Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (received.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains("\"article-" + id + "\"", "\"section-news\"", "\"tag-harbour-life\"", "\"home\"",
                "\"author-clara-wren\"", "\"author-felix-adeyemi\""); // author pages list the story too (issue 8)
            assertThat(headers).containsExactly("s3cret-token");
            while (hooks.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(hooks).hasSize(1);
            assertThat(hooks.get(0)).startsWith("article.published ").contains("\"id\":" + id);

            var page = app.browser().get(app.services().articles().find(id).orElseThrow().path());
            assertThat(page.header("Surrogate-Key")).isEqualTo("article-" + id + " section-news tag-harbour-life author-clara-wren author-felix-adeyemi");
            assertThat(page.header("Cache-Tag")).isEqualTo("article-" + id + ",section-news,tag-harbour-life,author-clara-wren,author-felix-adeyemi");
            assertThat(app.browser().get("/author/clara-wren/").header("Surrogate-Key")).isEqualTo("author-clara-wren");
            assertThat(page.header("Cache-Control")).contains("s-maxage=").contains("stale-while-revalidate=");
            var again = app.browser().get(app.services().articles().find(id).orElseThrow().path()); // from the fast lane
            assertThat(again.header("Surrogate-Key")).isEqualTo(page.header("Surrogate-Key"));
            assertThat(app.browser().get("/news/").header("Surrogate-Key")).isEqualTo("section-news");
            assertThat(app.browser().get("/").header("Surrogate-Key")).isEqualTo("home");
            assertThat(editor.get("/newsroom/articles").header("Cache-Control")).isEqualTo("private, no-store");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void purge_urls_on_internal_addresses_stop_boot_unless_allowed() {
        assertThatThrownBy(() -> TestApp.start(Database.Engine.SQLITE, Map.of("cdn.purge-url", "http://127.0.0.1:9/purge")))
            .hasMessageContaining("cdn.purge-url").hasMessageContaining("internal address");
        assertThatThrownBy(() -> TestApp.start(Database.Engine.SQLITE, Map.of("cdn.purge-url", "http://169.254.169.254/latest/meta-data")))
            .hasMessageContaining("cdn.purge-url");
        assertThatThrownBy(() -> TestApp.start(Database.Engine.SQLITE, Map.of("cdn.purge-url", "file:///etc/passwd")))
            .hasMessageContaining("only http and https");
        assertThat(List.of(new org.masthead.http.OutboundGuard(false).refusal("http://10.1.2.3/x"),
            new org.masthead.http.OutboundGuard(false).refusal("http://[fd00::1]/x"), new org.masthead.http.OutboundGuard(false).refusal("http://100.64.1.1/"))).allMatch(r -> r != null);
    }
}
