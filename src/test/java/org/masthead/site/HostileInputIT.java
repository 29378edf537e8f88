package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.article.ArticleStore;
import org.masthead.db.Database;
import org.masthead.http.SecurityHeaders;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/** Issue 8: what a hostile outsider sends gets a clear 4xx with the typed text kept, never a 500, and no stored row breaks an output. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputIT {
    TestApp app;
    Browser editor;
    long news;
    String token;
    final HttpClient http = HttpClient.newHttpClient();

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        PublishedSite.publish(app, 2);
        editor = app.signedIn("hostile-editor@example.com", Role.EDITOR);
        var admin = app.signedIn("hostile-admin@example.com", Role.ADMIN);
        token = org.masthead.testing.Api.token(admin, "editor");
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
    }

    @AfterAll
    void stop() { app.close(); }

    int count() { return app.services().articles().listForNewsroom(new ArticleStore.Filter(null, null), 10_000, 0).size(); }

    Map<String, String> form(String headline, Map<String, String> more) {
        var f = new HashMap<>(Fixtures.articleForm(news, headline, Map.of()));
        f.putAll(more);
        return f;
    }

    @Test
    void a_300_kb_body_saves_through_both_form_encodings_issue_8() {
        var body = "<p>" + "Long story. ".repeat(25_000) + "</p>"; // ~300 KB, under the 500,000-character limit
        var plain = editor.post("/newsroom/articles", form("Long story urlencoded", Map.of("body", body)));
        assertThat(plain.status()).as(plain.body().substring(0, Math.min(300, plain.body().length()))).isEqualTo(303);
        var multi = editor.postMultipart("/newsroom/articles", form("Long story multipart", Map.of("body", body)), "photo", "", null);
        assertThat(multi.status()).isEqualTo(303);
    }

    @Test
    void oversized_fields_are_refused_with_400_and_the_typed_text_kept_issue_8() {
        int before = count();
        var tooLong = "<p>" + "x".repeat(600_000) + "</p>";
        for (var res : new Browser.Response[] {
            editor.post("/newsroom/articles", form("Too long body", Map.of("body", tooLong))),
            editor.postMultipart("/newsroom/articles", form("Too long body", Map.of("body", tooLong)), "photo", "", null)}) {
            assertThat(res.status()).isEqualTo(400);
            assertThat(res.body()).contains("The body is too long").contains("Too long body");
        }
        var headline = "H".repeat(1_000_000);
        var huge = editor.post("/newsroom/articles", form(headline, Map.of()));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body()).contains("Keep the headline under 200 characters").contains(headline.substring(0, 1000));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void control_characters_are_refused_with_422_in_form_and_api_issue_8() throws Exception {
        int before = count();
        var nul = editor.post("/newsroom/articles", form("Budget\u0000vote", Map.of()));
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.body()).contains("control character").contains("A short teaser"); // the rest of what was typed is kept
        var forged = editor.post("/newsroom/articles", form("Budget vote\n12:00:00.000 INFO  fake - admin signed in", Map.of()));
        assertThat(forged.status()).isEqualTo(422);
        var api = api("POST", "/articles", "{\"headline\": \"Budget\\u0000vote\", \"section\": \"news\"}");
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.body()).contains("control character");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_stored_nul_or_escape_never_breaks_feeds_or_sitemaps_issue_8() throws Exception {
        var path = PublishedSite.publish(app, 1);
        var article = app.services().articles().findPublished(path.split("/")[1], path.split("/")[2]).orElseThrow();
        // Rows written before the input check (or by an import) may hold anything: outputs must survive them.
        app.services().db().useTransaction(h -> h.createUpdate("update article set headline = :h, dek = :d where id = :id")
            .bind("h", (engine() == Database.Engine.SQLITE ? "Broken\u0000" : "Broken\u0001") + "headline\u001b[31m") // PostgreSQL text cannot hold NUL
            .bind("d", "<img src=x onerror=alert(1)> dek\u0007").bind("id", article.id()).execute());
        app.services().publishing().photoChanged(article.leadPhoto().id()); // announce the change, as any save would
        for (var feed : new String[] {"/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json", "/feeds/section/news.rss"}) {
            var res = app.browser().get(feed);
            assertThat(res.status()).as(feed).isEqualTo(200);
            if (!feed.endsWith(".json")) new SyndFeedInput().build(new StringReader(res.body()));
        }
        for (var map : new String[] {"/sitemap-news.xml", "/sitemap.xml"}) assertThat(app.browser().get(map).status()).as(map).isEqualTo(200);
        assertThat(app.browser().get("/sitemap-news.xml").body()).contains("Brokenheadline[31m"); // what XML cannot carry is dropped
        // RSS descriptions are HTML: a dek of plain text arrives as words, never as markup.
        var rss = new SyndFeedInput().build(new StringReader(app.browser().get("/feeds/all.rss").body()));
        var entry = rss.getEntries().stream().filter(e -> e.getLink().endsWith(article.path())).findFirst().orElseThrow();
        assertThat(entry.getDescription().getValue()).startsWith("&lt;img src=x onerror=alert(1)&gt; dek").doesNotContain("<img");
    }

    @Test
    void a_nul_anywhere_in_an_address_or_a_small_form_is_a_4xx_never_a_500_issue_8() throws Exception {
        for (var path : new String[] {"/news/%00", "/news/a%00b", "/tag/%00/", "/author/x%00/", "/feeds/tag/%00.rss", "/%00/", "/news/?page=%00",
            "/media/%00.jpg"}) {
            assertThat(app.browser().get(path).status()).as(path).isEqualTo(400);
        }
        assertThat(editor.get("/newsroom/photos?q=%00").status()).isEqualTo(400);
        assertThat(api("GET", "/articles?section=%00", null).statusCode()).isEqualTo(400);
        assertThat(app.browser().signIn("x\u0000@example.com", "whatever").status()).isEqualTo(401);
        var admin = app.signedIn("hostile-admin2@example.com", Role.ADMIN);
        assertThat(admin.post("/newsroom/users", Map.of("email", "new\u0000@example.com", "name", "N", "role", "editor")).status()).isEqualTo(400);
        assertThat(admin.post("/newsroom/users", Map.of("email", "new@example.com", "name", "N\u0000M", "role", "editor")).status()).isEqualTo(400);
        assertThat(admin.post("/newsroom/tokens", Map.of("name", "bad\u0000name", "scope", "read")).status()).isEqualTo(400);
        assertThat(admin.post("/newsroom/webhooks", Map.of("url", "https://example.com/\u0000", "events", "article.published")).status()).isEqualTo(400);
    }

    @Test
    void api_uploads_over_the_limit_get_413_issue_8() throws Exception {
        var body = new byte[60 * 1024 * 1024];
        var boundary = "b" + System.nanoTime();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes();
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        var all = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
        HttpResponse<String> res;
        try {
            // As a careful client sends a large upload: Expect: 100-continue, so a refusal arrives before 60 MB are sent.
            res = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/photos")).expectContinue(true).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(all)).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("the server should answer 413, not drop the connection", e);
        }
        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(res.body()).contains("limit");
    }

    @Test
    void every_page_carries_a_content_security_policy_and_friends_issue_8() {
        var path = PublishedSite.publish(app, 1);
        for (int i = 0; i < 2; i++) { // rendered, then from the fast lane
            var page = app.browser().get(path);
            var csp = page.header("Content-Security-Policy");
            assertThat(csp).isEqualTo(SecurityHeaders.READER_CSP).contains("frame-ancestors 'none'").doesNotContain("http:").doesNotContain("unsafe-inline");
            // Other origins only as frames, and only the click-to-load embeds' players (issue 10).
            assertThat(csp.substring(0, csp.indexOf("frame-src"))).doesNotContain("https:");
            assertThat(csp.substring(csp.indexOf("frame-src")).split(" ")).containsExactly("frame-src", "https://www.youtube-nocookie.com",
                "https://player.vimeo.com", "https://platform.twitter.com", "https://www.instagram.com");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        for (var p : new String[] {"/", "/news/", "/no-such-page", "/feeds/all.rss"}) {
            assertThat(app.browser().get(p).header("Content-Security-Policy")).as(p).isEqualTo(SecurityHeaders.READER_CSP);
        }
        var newsroom = editor.get("/newsroom/articles");
        assertThat(newsroom.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.NEWSROOM_CSP).contains("frame-ancestors 'none'");
        assertThat(app.browser().get("/newsroom/sign-in").header("X-Frame-Options")).isEqualTo("DENY");
    }

    HttpResponse<String> api(String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1" + path)).header("Authorization", "Bearer " + token);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
