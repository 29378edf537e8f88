package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** Issue 12 (first part): the index follows publishing within a second, in English, Arabic and accented text, with highlights and a rate limit. */
class SearchIT {
    static final ObjectMapper JSON = new ObjectMapper();

    static com.fasterxml.jackson.databind.JsonNode api(TestApp app, String query) throws Exception {
        return JSON.readTree(app.browser().get("/api/v1/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)).body());
    }

    static long total(TestApp app, String query) throws Exception { return api(app, query).get("total").asLong(); }

    @Test
    void publishing_and_unpublishing_are_followed_within_a_second_across_languages_issue_12() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var s = app.services();
            var admin = s.accounts().create("search@example.com", "Search Admin", Role.ADMIN, "search admin password 1");
            var news = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
            var english = (Publishing.Result.Saved) s.publishing().create(admin, new ArticleDraft("Harbour cranes return to the quay", "The port reopens",
                news, "", "<p>Dockers were <b>working</b> again on Tuesday as the harbours reopened.</p>", "PORT ELSBY", List.of("Clara Wren"), List.of("Ports"), "en"),
                (Long) null);
            var arabic = (Publishing.Result.Saved) s.publishing().create(admin, new ArticleDraft("عودة الرافعات إلى الميناء", "", news, "",
                "<p>عاد عمال الميناء إلى العمل في المدينة القديمة.</p>", "", List.of("ليلى حداد"), List.of(), "ar"), (Long) null);
            var accented = (Publishing.Result.Saved) s.publishing().create(admin, new ArticleDraft("Café owners in Zürich protest", "", news, "",
                "<p>Les propriétaires de cafés à Zürich manifestent.</p>", "", List.of(), List.of(), "fr"), (Long) null);
            assertThat(total(app, "cranes")).as("a draft is not searchable").isZero();
            s.publishing().publish(admin, english.article().id());
            s.publishing().publish(admin, arabic.article().id());
            s.publishing().publish(admin, accented.article().id());
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (total(app, "cranes") == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(total(app, "cranes")).as("published: searchable within a second").isEqualTo(1);
            assertThat(total(app, "harbour")).as("English stemming: harbours").isEqualTo(1);
            assertThat(total(app, "harb*")).as("a prefix").isEqualTo(1);
            assertThat(total(app, "\"cranes return\"")).as("a phrase").isEqualTo(1);
            assertThat(total(app, "cranes -quay")).as("an exclusion").isZero();
            assertThat(total(app, "Clara")).as("bylines are searched").isEqualTo(1);
            assertThat(total(app, "الميناء")).as("Arabic").isEqualTo(1);
            assertThat(total(app, "المينآء")).as("Arabic alef/hamza forms normalized").isEqualTo(1);
            assertThat(total(app, "zurich cafe")).as("accents folded").isEqualTo(1);
            var hit = api(app, "working").get("items").get(0);
            assertThat(hit.get("snippet").asText()).contains("<mark>working</mark>").doesNotContain("<b>");
            assertThat(hit.get("url").asText()).endsWith(english.article().path());
            var page = app.browser().get("/search?q=dockers");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Robots-Tag")).contains("noindex");
            assertThat(page.body()).contains("Harbour cranes return to the quay").contains("<mark>");
            assertThat(app.browser().get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E").body()).doesNotContain("<script>alert(1)");
            assertThat(app.browser().get("/search?q=x&from=yesterday").status()).isEqualTo(400);
            var story = app.browser().get(english.article().path()).body();
            assertThat(story).as("share links: plain links, no scripts").contains("https://x.com/intent/post?url=").contains("mailto:?subject=")
                .contains("https://wa.me/?text=").contains("1 min read").doesNotContain("<script src=\"https://");
            assertThat(app.browser().get("/").body()).as("the home page tells search engines about /search").contains("\"SearchAction\"")
                .contains("/search?q={search_term_string}");
            s.publishing().unpublish(admin, english.article().id());
            deadline = System.nanoTime() + 1_000_000_000L;
            while (total(app, "cranes") != 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(total(app, "cranes")).as("unpublished: gone within a second").isZero();
        }
    }

    @Test
    void a_flood_from_one_address_gets_429_with_retry_after_and_a_missing_index_is_rebuilt_issue_12() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            org.masthead.testing.PublishedSite.publish(app, 2);
            int limited = 0;
            String retry = null;
            for (int i = 0; i < 70; i++) {
                var res = app.browser().get("/api/v1/search?q=harbour" + i);
                if (res.status() == 429) {
                    limited++;
                    retry = res.header("Retry-After");
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(10);
            assertThat(retry).isEqualTo("60");
            assertThat(app.browser().get("/search?q=more").status()).isEqualTo(429);
        }
        var dir = java.nio.file.Files.createTempDirectory("search-rebuild");
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            org.masthead.testing.PublishedSite.publish(app, 3);
            var fresh = new SearchIndex(dir, app.services().articles());
            fresh.start(); // an empty folder: rebuilt from SQL in the background
            for (int i = 0; i < 100 && (fresh.building() || fresh.search("harbour", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total() == 0); i++) {
                Thread.sleep(50);
            }
            assertThat(fresh.search("harbour", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total()).isEqualTo(3);
            fresh.close();
            java.nio.file.Files.writeString(dir.resolve("segments_1"), "not an index"); // corrupt
            var again = new SearchIndex(dir, app.services().articles());
            again.start();
            for (int i = 0; i < 100 && (again.building() || again.search("harbour", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total() == 0); i++) {
                Thread.sleep(50);
            }
            assertThat(again.search("harbour", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total()).isEqualTo(3);
            again.close();
        }
    }
}
