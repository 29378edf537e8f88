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
            var generation = dir.resolve(java.nio.file.Files.readString(dir.resolve(SearchIndex.CURRENT)).strip());
            try (var files = java.nio.file.Files.list(generation)) { // corrupt
                for (var f : files.toList()) if (f.getFileName().toString().startsWith("segments_")) java.nio.file.Files.writeString(f, "not an index");
            }
            var again = new SearchIndex(dir, app.services().articles());
            again.start();
            for (int i = 0; i < 100 && (again.building() || again.search("harbour", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total() == 0); i++) {
                Thread.sleep(50);
            }
            assertThat(again.search("harbour", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total()).isEqualTo(3);
            again.close();
        }
    }

    static Publishing.Result.Saved story(TestApp app, org.masthead.account.User by, String headline, String body, List<String> tags) {
        var news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
        return (Publishing.Result.Saved) app.services().publishing().create(by, new ArticleDraft(headline, "", news, "", body, "", List.of("Clara Wren"),
            tags, "en"), (Long) null);
    }

    static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(20);
    }

    static long quietly(TestApp app, String q) {
        try {
            return total(app, q);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void did_you_mean_related_stories_crawlers_and_the_newsrooms_search_of_every_status_issue_12() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var s = app.services();
            var admin = s.accounts().create("desk@example.com", "Desk Editor", Role.ADMIN, "desk editor password 1");
            var cora = s.accounts().create("cora@example.com", "Cora Contributor", Role.CONTRIBUTOR, "cora contributor password 1");
            var flood = story(app, admin, "Flood waters rise in the river valley", "<p>Heavy rain sent the river over its banks and flood water into the valley towns.</p>", List.of("Floods"));
            var farmers = story(app, admin, "Valley farmers count the cost of the river flood", "<p>Farmers in the river valley say the flood ruined the harvest after days of rain.</p>", List.of("Floods"));
            var markets = story(app, admin, "Stock markets close higher on lender earnings", "<p>Shares rose as lenders reported profits.</p>", List.of("Markets"));
            for (var a : List.of(flood, farmers, markets)) s.publishing().publish(admin, a.article().id());
            story(app, cora, "Zebrafish merger plans", "<p>The zebrafish merger is a secret.</p>", List.of());
            story(app, admin, "Quarterly zebrafish audit", "<p>Auditors count the zebrafish.</p>", List.of());
            await(() -> quietly(app, "flood") == 2);
            assertThat(total(app, "flood")).isEqualTo(2);

            var miss = api(app, "flod");
            assertThat(miss.get("total").asLong()).isZero();
            assertThat(miss.get("suggestion").asText()).as("did you mean, from the index's own words").isEqualTo("flood");
            assertThat(api(app, "zebrafsh").has("suggestion")).as("words only drafts hold are never offered to readers").isFalse();
            assertThat(total(app, "zebrafish")).as("drafts are not readers' results").isZero();
            var help = app.browser().get("/search?q=flod&section=news").body();
            assertThat(help).contains("Did you mean").contains("href=\"/search?q=flood&amp;section=news\"").contains("Check the spelling")
                .contains("href=\"/search?q=flod\"");

            var page = app.browser().get(flood.article().path()).body();
            var related = page.substring(page.indexOf("id=\"related-heading\""), page.indexOf("</section>", page.indexOf("id=\"related-heading\"")));
            assertThat(related).as("alike in words and tags").contains("Valley farmers count the cost of the river flood")
                .doesNotContain("Flood waters rise").doesNotContain("Stock markets").doesNotContain("zebrafish");
            assertThat(page).contains("More from <a href=\"/news/\">News</a>").contains("Stock markets close higher on lender earnings");
            s.publishing().unpublish(admin, farmers.article().id());
            var after = app.browser().get(flood.article().path()).body();
            assertThat(after).as("a related story taken down leaves the cached page at once").doesNotContain("Valley farmers count the cost");

            var bot = app.browser().userAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").get("/search?q=flood");
            assertThat(bot.header("X-Robots-Tag")).contains("noindex");
            assertThat(bot.body()).contains("not for crawling").doesNotContain("Flood waters rise in the river valley");

            var desk = app.browser();
            desk.signIn("desk@example.com", "desk editor password 1");
            var found = desk.get("/newsroom/articles?q=zebrafish").body();
            assertThat(found).as("editors search every status").contains("Zebrafish merger plans").contains("Quarterly zebrafish audit");
            assertThat(desk.get("/newsroom/articles?q=zebrafish&status=published").body()).doesNotContain("Zebrafish merger plans");
            assertThat(desk.get("/newsroom/articles?q=" + java.net.URLEncoder.encode("\"zebrafish mergers\"", java.nio.charset.StandardCharsets.UTF_8)).body())
                .as("a phrase no story has as written finds its other forms, as a reader's search does").contains("Zebrafish merger plans");
            var contributor = app.browser();
            contributor.signIn("cora@example.com", "cora contributor password 1");
            var own = contributor.get("/newsroom/articles?q=zebrafish").body();
            assertThat(own).as("contributors find only their own").contains("Zebrafish merger plans").doesNotContain("Quarterly zebrafish audit");
            assertThat(contributor.get("/newsroom/articles?q=" + "x".repeat(201)).status()).isEqualTo(400);
        }
    }

    @Test
    void a_reindex_while_serving_is_taken_up_and_a_node_that_was_away_catches_up_issue_12() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var s = app.services();
            org.masthead.testing.PublishedSite.publish(app, 3);
            await(() -> quietly(app, "harbour") == 3);
            var root = app.dataDir().resolve("search");
            var before = java.nio.file.Files.readString(root.resolve(SearchIndex.CURRENT)).strip();
            var seen = new java.util.ArrayList<long[]>();
            var name = SearchIndex.rebuild(root, s.articles(), s.changes(), List.of(320), java.time.Clock.systemUTC(), (done, all) -> seen.add(new long[] {done, all}));
            assertThat(name).isNotEqualTo(before);
            assertThat(seen.getLast()[0]).as("progress reaches the total").isEqualTo(seen.getLast()[1]).isPositive();
            await(() -> !java.nio.file.Files.exists(root.resolve(before)));
            assertThat(root.resolve(before)).as("the running node took up the new generation and dropped the old").doesNotExist();
            assertThat(total(app, "harbour")).isEqualTo(3);

            var dir = java.nio.file.Files.createTempDirectory("search-away");
            var away = new SearchIndex(dir, s.articles(), s.changes(), List.of(320), java.time.Clock.systemUTC());
            away.start();
            await(() -> !away.building());
            away.commit();
            away.close();
            var admin = s.accounts().create("away@example.com", "Away Admin", Role.ADMIN, "away admin password 1");
            s.publishing().publish(admin, story(app, admin, "Lighthouse keeper retires", "<p>After forty years the lamp goes automatic.</p>", List.of()).article().id());
            var back = new SearchIndex(dir, s.articles(), s.changes(), List.of(320), java.time.Clock.systemUTC());
            back.start(); // queues the events logged since it last wrote
            assertThat(back.caughtUpFromChangeLog()).as("caught up from the change log's sequence numbers").isTrue();
            back.follow();
            assertThat(back.search("lighthouse", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total()).isEqualTo(1);
            // The node's search budget: spent, a search is refused at once (the pages answer 503 with Retry-After), no work done.
            back.limitTo(1);
            int served = 0;
            boolean refused = false;
            for (int i = 0; i < 6 && !refused; i++) {
                try {
                    back.search("lighthouse", SearchIndex.Filters.NONE, 1, System.currentTimeMillis());
                    served++;
                } catch (SearchIndex.Busy e) {
                    refused = true;
                }
            }
            assertThat(refused).as("a budget of one a second refuses a burst").isTrue();
            assertThat(served).as("after serving what the budget allows").isPositive();
            assertThat(back.busy()).isTrue();
            back.commit();
            back.close();

            s.publishing().publish(admin, story(app, admin, "Ferry timetable changes", "<p>The winter timetable starts on Monday.</p>", List.of()).article().id());
            s.changes().compact(Long.MAX_VALUE); // away longer than the log keeps: its events are gone
            var later = new SearchIndex(dir, s.articles(), s.changes(), List.of(320), java.time.Clock.systemUTC());
            later.start();
            assertThat(later.caughtUpFromChangeLog()).as("the log no longer reaches back: SQL is scanned instead").isFalse();
            later.follow();
            assertThat(later.search("timetable", SearchIndex.Filters.NONE, 1, System.currentTimeMillis()).total()).isEqualTo(1);
            later.close();

        }
    }

    @Test
    void past_the_node_s_search_budget_searches_get_503_with_retry_after_from_the_fast_lane_issue_12() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE, java.util.Map.of("search.per-second", "1"))) {
            org.masthead.testing.PublishedSite.publish(app, 1);
            var b = app.browser();
            int busy = 0;
            org.masthead.testing.Browser.Response refused = null;
            for (int i = 0; i < 8; i++) {
                var r = b.get("/api/v1/search?q=harbour");
                assertThat(r.status()).isIn(200, 503);
                if (r.status() == 503) {
                    busy++;
                    refused = r;
                }
            }
            assertThat(busy).as("a budget of one a second refuses a burst of eight").isPositive();
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(new ObjectMapper().readTree(refused.body()).get("status").asInt()).isEqualTo(503);
            org.masthead.testing.Browser.Response page = null;
            for (int i = 0; i < 8 && (page == null || page.status() != 503); i++) page = b.get("/search?q=harbour");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("<html lang=\"en\"").contains("Search is busy");
            assertThat(page.header("Content-Security-Policy")).isNotBlank();
            assertThat(b.get("/search").status()).as("the form itself is never refused").isEqualTo(200);
            Thread.sleep(2_100);
            assertThat(b.get("/api/v1/search?q=harbour").status()).as("the budget refills").isEqualTo(200);
        }
    }
}
