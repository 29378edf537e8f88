package org.masthead.article;

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
import org.masthead.db.Database;
import org.masthead.testing.Api;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** Issue 9: corrections reach readers (notice, foot, JSON-LD, /corrections and its feed); old stories say how old they are. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorrectionsIT {
    TestApp app;
    Browser editor;
    Browser contributor;
    String token;
    long news;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        editor = app.signedIn("c-editor@example.com", Role.EDITOR);
        contributor = app.signedIn("c-contrib@example.com", Role.CONTRIBUTOR);
        token = Api.token(app.signedIn("c-admin@example.com", Role.ADMIN), "editor");
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
    }

    @AfterAll
    void stop() { app.close(); }

    long publish(String headline) {
        var res = editor.post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(news, headline, Map.of("action", "publish"))));
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    @Test
    void a_correction_is_shown_to_readers_on_the_story_in_json_ld_and_on_the_corrections_page_and_feed_issue_9() throws Exception {
        long id = publish("Bridge closes for repairs");
        var path = app.services().articles().find(id).orElseThrow().path();
        var before = app.browser().get(path);
        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id + "/corrections", Map.of("kind", "correction",
            "text", "An earlier version said the bridge closes on Monday; it closes on Tuesday.")).status()).isEqualTo(303);
        editor.get("/newsroom/articles/" + id);
        assertThat(contributor.post("/newsroom/articles/" + id + "/corrections", Map.of("kind", "update", "text", "x")).status()).isEqualTo(403);
        var page = app.browser().get(path);
        assertThat(page.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(page.body()).contains("class=\"correction-notice\"").contains("This article was corrected on")
            .contains("id=\"corrections\"").contains("it closes on Tuesday.")
            .contains("\"correction\":[{\"@type\":\"CorrectionComment\",\"text\":\"An earlier version said the bridge closes on Monday; it closes on Tuesday.\"");
        var a = app.services().articles().find(id).orElseThrow();
        assertThat(a.updatedAt()).isGreaterThan(a.publishedAt());
        var list = app.browser().get("/corrections/");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Bridge closes for repairs").contains("it closes on Tuesday.");
        for (var ext : new String[] {"rss", "atom"}) {
            var feed = new SyndFeedInput().build(new StringReader(app.browser().get("/feeds/corrections." + ext).body()));
            assertThat(feed.getEntries()).anyMatch(e -> e.getTitle().equals("Correction: Bridge closes for repairs") && e.getLink().endsWith(path + "#corrections"));
        }
        assertThat(app.browser().get("/feeds/corrections.json").body()).contains("Correction: Bridge closes for repairs");
    }

    @Test
    void a_correction_needs_a_published_story_and_words_issue_9() {
        var res = editor.post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(news, "Still a draft", Map.of())));
        long draft = Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        editor.get("/newsroom/articles/" + draft);
        assertThat(editor.post("/newsroom/articles/" + draft + "/corrections", Map.of("kind", "correction", "text", "x")).status()).isEqualTo(409);
        long live = publish("Live story");
        editor.get("/newsroom/articles/" + live);
        assertThat(editor.post("/newsroom/articles/" + live + "/corrections", Map.of("kind", "correction", "text", "")).status()).isEqualTo(422);
        editor.get("/newsroom/articles/" + live);
        assertThat(editor.post("/newsroom/articles/" + live + "/corrections", Map.of("kind", "rumour", "text", "x")).status()).isEqualTo(400);
    }

    @Test
    void a_story_published_years_ago_says_how_old_it_is_issue_9() throws Exception {
        var http = HttpClient.newHttpClient();
        var created = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/articles")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"headline\": \"Council plans for the last four years\", \"section\": \"news\", \"dek\": \"A look back.\", \"published_at\": \"2016-09-28T14:00:00Z\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"published_at\":\"2016-09-28T14:00:00Z\"");
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).get("id").asLong();
        http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/articles/" + id + "/publish")).header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        var a = app.services().articles().find(id).orElseThrow();
        assertThat(a.publishedAt()).isEqualTo(java.time.Instant.parse("2016-09-28T14:00:00Z").toEpochMilli());
        var years = java.time.Period.between(java.time.LocalDate.of(2016, 9, 28), java.time.LocalDate.now(java.time.ZoneOffset.UTC)).getYears();
        var page = app.browser().get(a.path()).body();
        assertThat(page).contains("<p class=\"age-label\" role=\"note\">This article is more than " + years + " years old</p>")
            .contains("content=\"This article is more than " + years + " years old. A look back.\"");
        long fresh = publish("Fresh story");
        assertThat(app.browser().get(app.services().articles().find(fresh).orElseThrow().path()).body()).doesNotContain("age-label\"");
    }
}
