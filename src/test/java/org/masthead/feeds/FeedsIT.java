package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/** Feeds parse with Rome, Atom validates against the RFC 4287 RELAX NG schema (jing), JSON Feed has its members. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FeedsIT {
    static final Path ATOM_RNC = org.masthead.testing.Testdata.resolve("schemas/atom/atom-rfc4287.rnc");
    TestApp app;
    String firstPath;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        firstPath = PublishedSite.publish(app, 7);
    }

    @AfterAll
    void stop() { app.close(); }

    static final String[] FEEDS = {"/feeds/all", "/feeds/section/news", "/feeds/tag/harbour", "/feeds/author/clara-wren"};

    @Test
    void every_rss_and_atom_feed_parses_with_rome_and_carries_photo_credit() throws Exception {
        for (var base : FEEDS) {
            for (var ext : new String[] {".rss", ".atom"}) {
                var res = app.browser().get(base + ext);
                assertThat(res.status()).as(base + ext).isEqualTo(200);
                assertThat(res.header("Content-Type")).startsWith(ext.equals(".rss") ? "application/rss+xml" : "application/atom+xml");
                var feed = new SyndFeedInput().build(new StringReader(res.body()));
                assertThat(feed.getEntries()).as(base + ext).isNotEmpty();
                var entry = feed.getEntries().get(0);
                assertThat(entry.getUri()).startsWith("tag:");
                assertThat(entry.getPublishedDate()).isNotNull();
                var media = (MediaEntryModule) entry.getModule(MediaEntryModule.URI);
                assertThat(media).as("media:content in " + base + ext).isNotNull();
                assertThat(media.getMediaContents()[0].getMetadata().getCredits()[0].getName()).startsWith("MASTHEAD/Photographer");
                assertThat(res.body()).contains("rel=\"self\"");
            }
        }
        var rss = app.browser().get("/feeds/all.rss").body();
        assertThat(rss).containsPattern("<pubDate>[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|Z|UTC|[+-]\\d{4})</pubDate>");
        assertThat(rss).contains("isPermaLink=\"false\"");
    }

    @Test
    void atom_feeds_are_valid_against_the_rfc_4287_schema(@TempDir Path dir) throws Exception {
        assertThat(ATOM_RNC).exists();
        for (var base : FEEDS) {
            for (var query : new String[] {"", "?full=1"}) {
                var file = dir.resolve(base.replace('/', '_') + (query.isEmpty() ? "" : "_full") + ".atom");
                Files.writeString(file, app.browser().get(base + ".atom" + query).body());
                var p = new ProcessBuilder("jing", "-c", ATOM_RNC.toString(), file.toString()).redirectErrorStream(true).start();
                // Debian's jing wrapper warns about optional jars it cannot find; those lines are not validation results.
                var out = new String(p.getInputStream().readAllBytes()).lines().filter(l -> !l.startsWith("[warning] /usr/bin/jing"))
                    .collect(java.util.stream.Collectors.joining("\n"));
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(out).as("jing on " + base + query).isEmpty();
                assertThat(p.exitValue()).isZero();
            }
        }
    }

    @Test
    void json_feed_has_every_required_member() throws Exception {
        var res = app.browser().get("/feeds/all.json?full=1");
        assertThat(res.header("Content-Type")).startsWith("application/feed+json");
        var feed = new ObjectMapper().readTree(res.body());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isNotBlank();
        assertThat(feed.get("feed_url").asText()).endsWith("/feeds/all.json?full=1");
        assertThat(feed.get("items")).hasSize(7);
        for (var item : feed.get("items")) {
            assertThat(item.get("id").asText()).startsWith("tag:");
            assertThat(item.has("content_html") || item.has("content_text")).isTrue();
            assertThat(item.get("content_html").asText()).contains("<p>");
            assertThat(item.get("date_published").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(item.get("image").asText()).contains("/media/");
        }
        var summaries = new ObjectMapper().readTree(app.browser().get("/feeds/all.json").body());
        assertThat(summaries.get("items").get(0).has("content_html")).isFalse();
    }

    @Test
    void conditional_get_answers_304_and_ids_survive_a_slug_change() throws Exception {
        var first = app.browser().get("/feeds/all.atom");
        assertThat(app.browser().get("/feeds/all.atom", Map.of("If-None-Match", first.header("ETag"))).status()).isEqualTo(304);
        assertThat(app.browser().get("/feeds/all.atom", Map.of("If-Modified-Since", first.header("Last-Modified"))).status()).isEqualTo(304);
        var parts = firstPath.split("/");
        var article = app.services().articles().findPublished(parts[1], parts[2]).orElseThrow();
        var idBefore = "tag:localhost,2026:article:" + article.id();
        assertThat(first.body()).contains(idBefore);
        Browser editor = app.signedIn("feed-editor-" + engine() + "@example.com", Role.EDITOR);
        var form = Fixtures.articleForm(article.section().id(), article.headline(), Map.of("slug", "renamed-story",
            "revision", String.valueOf(article.revision())));
        assertThat(editor.postMultipart("/newsroom/articles/" + article.id(), form, "photo", "", null).status()).isEqualTo(303);
        var after = app.browser().get("/feeds/all.atom");
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(after.body()).contains(idBefore).contains("/renamed-story");
        assertThat(app.browser().get("/feeds/section/nope.rss").status()).isEqualTo(404);
        assertThat(app.browser().get("/feeds/all.xml").status()).isEqualTo(404);
    }

    @Test
    void pages_announce_their_feeds() {
        var home = app.browser().get("/").body();
        assertThat(home).contains("<link rel=\"alternate\" type=\"application/rss+xml\"").contains("href=\"/feeds/all.atom\"")
            .contains("type=\"application/feed+json\"");
        assertThat(app.browser().get("/news/").body()).contains("href=\"/feeds/section/news.rss\"");
    }
}
