package org.masthead.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

/** Issue 10: editors program the home page and section fronts; a photo-less brief never takes the lead by itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FrontsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    TestApp app;
    Browser editor;
    String editorToken;
    String readToken;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        editor = app.signedIn("f-editor@example.com", Role.EDITOR);
        var admin = app.signedIn("f-admin@example.com", Role.ADMIN);
        editorToken = Api.token(admin, "editor");
        readToken = Api.token(admin, "read");
    }

    @AfterAll
    void stop() { app.close(); }

    HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        return Api.call(app.baseUrl(), method, path, token, body);
    }

    /** Publishes a story in {@code section} (with a photo when {@code photoSeed} > 0); returns its id. */
    long publish(String section, String headline, int photoSeed) throws Exception {
        var body = new HashMap<String, Object>(Map.of("headline", headline, "section", section, "body_html", "<p>Text.</p>", "bylines", java.util.List.of("Ana Ruiz")));
        if (photoSeed > 0) {
            var up = Api.uploadPhoto(app.baseUrl(), editorToken, Fixtures.jpeg(1600, 900, photoSeed), Map.of("caption", "A photo", "credit", "MASTHEAD/Jane Doe"));
            assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
            body.put("lead_photo_id", JSON.readTree(up.body()).get("id").asLong());
        }
        var created = api("POST", "/api/v1/articles", editorToken, JSON.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(api("POST", "/api/v1/articles/" + id + "/publish", editorToken, "{}").statusCode()).isEqualTo(200);
        return id;
    }

    String homeLead() {
        var html = app.browser().get("/").body();
        var lead = html.substring(html.indexOf("<section class=\"lead\""));
        return lead.substring(0, lead.indexOf("</section>"));
    }

    JsonNode put(String front, String slotsJson, int status) throws Exception {
        var res = api("PUT", "/api/v1/fronts/" + front, editorToken, "{\"slots\": " + slotsJson + "}");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        return JSON.readTree(res.body());
    }

    @Test
    void the_newest_story_without_a_photo_does_not_take_the_lead_but_an_editor_may_put_it_there_issue_10() throws Exception {
        put("home", "[]", 200);
        long withPhoto = publish("news", "Harbour wall repaired after storm", 31);
        long brief = publish("news", "Brief: road closed tonight", 0);
        assertThat(homeLead()).contains("Harbour wall repaired after storm").doesNotContain("Brief: road closed tonight");
        assertThat(app.browser().get("/").body()).contains("Brief: road closed tonight"); // in the latest, just not the lead

        var saved = put("home", "[{\"article_id\": " + brief + ", \"pinned_until\": null}, {\"article_id\": " + withPhoto + "}]", 200);
        assertThat(saved.get("slots").get(0).get("article_id").asLong()).isEqualTo(brief);
        assertThat(saved.get("stories").get(0).get("article_id").asLong()).isEqualTo(brief);
        assertThat(saved.get("stories").get(0).get("programmed").asBoolean()).isTrue();
        assertThat(homeLead()).contains("Brief: road closed tonight"); // at once: the page cache heard of it
        var got = JSON.readTree(api("GET", "/api/v1/fronts/home", readToken, null).body());
        assertThat(got.get("front").asText()).isEqualTo("home");
        assertThat(got.get("slots")).hasSize(2);
        assertThat(got.get("slots").get(1).get("pinned_until").isNull()).isTrue();
        put("home", "[]", 200);
        assertThat(homeLead()).doesNotContain("Brief: road closed tonight");
    }

    @Test
    void a_section_front_leads_with_the_story_its_editors_pinned_and_later_pages_lose_no_story_issue_10() throws Exception {
        long old = publish("sport", "Old match report pinned by the desk", 32);
        for (int i = 0; i < 21; i++) publish("sport", "Sport story " + i, 0);
        put("sport", "[{\"article_id\": " + old + "}]", 200);
        var page1 = app.browser().get("/sport/").body();
        assertThat(page1.indexOf("Old match report pinned by the desk")).isPositive().isLessThan(page1.indexOf("Sport story 20"));
        var page2 = app.browser().get("/sport/?page=2").body();
        for (int i = 0; i < 21; i++) assertThat(page1.contains("Sport story " + i + "<") || page2.contains("Sport story " + i + "<")).as("story " + i).isTrue();
        assertThat(page2).doesNotContain("Old match report pinned by the desk");
    }

    @Test
    void refusals_name_the_slot_and_change_nothing_issue_10() throws Exception {
        long a = publish("news", "Stays on the front", 33);
        long sport = publish("sport", "A sport story", 0);
        put("news", "[{\"article_id\": " + a + "}]", 200);
        var draft = JSON.readTree(api("POST", "/api/v1/articles", editorToken, "{\"headline\": \"Just a draft\", \"section\": \"news\", \"bylines\": [\"Ana Ruiz\"]}").body()).get("id").asLong();
        assertThat(put("news", "[{\"article_id\": " + draft + "}]", 422).get("errors").get("slots[0].article_id").asText()).contains("not published");
        assertThat(put("news", "[{\"article_id\": " + sport + "}]", 422).get("errors").get("slots[0].article_id").asText()).contains("is in Sport, not News");
        assertThat(put("news", "[{\"article_id\": " + a + "}, {\"article_id\": " + a + "}]", 422).get("errors").has("slots[1].article_id")).isTrue();
        assertThat(put("news", "[{\"article_id\": " + a + ", \"pinned_until\": \"2001-01-01T00:00:00Z\"}]", 422).get("errors").has("slots[0].pinned_until")).isTrue();
        assertThat(put("news", "[{\"article_id\": " + a + ", \"pinned_until\": \"tomorrow\"}]", 422).get("errors").has("slots[0].pinned_until")).isTrue();
        assertThat(put("news", "[{\"article_id\": \"x\"}]", 422).get("errors").has("slots[0].article_id")).isTrue();
        assertThat(api("PUT", "/api/v1/fronts/news", editorToken, "{\"slots\": 3}").statusCode()).isEqualTo(400);
        assertThat(api("PUT", "/api/v1/fronts/news", editorToken, "not json").statusCode()).isEqualTo(400);
        assertThat(api("PUT", "/api/v1/fronts/news", readToken, "{\"slots\": []}").statusCode()).isEqualTo(403);
        assertThat(api("GET", "/api/v1/fronts/no-such-section", readToken, null).statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/v1/fronts/%3Cscript%3E", readToken, null).statusCode()).isEqualTo(404);
        var after = JSON.readTree(api("GET", "/api/v1/fronts/news", readToken, null).body());
        assertThat(after.get("slots")).hasSize(1);
        assertThat(after.get("slots").get(0).get("article_id").asLong()).isEqualTo(a);
    }

    @Test
    void a_pin_ends_at_its_time_and_the_story_leaves_the_lead_issue_10() throws Exception {
        long newest = publish("culture", "Culture lead by recency", 34);
        long pinned = publish("culture", "Pinned for a moment", 35);
        publish("culture", "Newest culture story", 36);
        var until = Instant.now().plusMillis(1500).toString();
        put("culture", "[{\"article_id\": " + newest + ", \"pinned_until\": \"" + until + "\"}, {\"article_id\": " + pinned + "}]", 200);
        assertThat(app.browser().get("/culture/").body()).containsSubsequence("Culture lead by recency", "Pinned for a moment", "Newest culture story");
        Thread.sleep(1600);
        app.jobs().runNow("front-pins");
        var slots = JSON.readTree(api("GET", "/api/v1/fronts/culture", readToken, null).body()).get("slots");
        assertThat(slots).hasSize(1);
        var page = app.browser().get("/culture/").body();
        // The lead slot is open again and takes the newest story with a photo; the second slot keeps its pinned story.
        assertThat(page).containsSubsequence("Newest culture story", "Pinned for a moment", "Culture lead by recency");
    }

    @Test
    void editors_reorder_a_front_in_the_newsroom_and_a_bad_pin_keeps_what_they_typed_issue_10() throws Exception {
        long first = publish("business", "Business first", 37);
        long second = publish("business", "Business second", 38);
        assertThat(editor.get("/newsroom/fronts").body()).contains("/newsroom/fronts/business");
        editor.get("/newsroom/fronts/business");
        var add = editor.post("/newsroom/fronts/business", Map.of("add_article_id", String.valueOf(first), "add_position", "1"));
        assertThat(add.status()).as(add.body()).isEqualTo(303);
        editor.get("/newsroom/fronts/business");
        var both = editor.post("/newsroom/fronts/business", Map.of("article_id", String.valueOf(first), "position", "1",
            "pinned_until", "", "add_article_id", String.valueOf(second), "add_position", "1"));
        assertThat(both.status()).isEqualTo(303);
        var slots = JSON.readTree(api("GET", "/api/v1/fronts/business", readToken, null).body()).get("slots");
        assertThat(slots.get(0).get("article_id").asLong()).isEqualTo(second);
        assertThat(slots.get(1).get("article_id").asLong()).isEqualTo(first);
        var page = editor.get("/newsroom/fronts/business").body();
        assertThat(page).containsSubsequence("Business second", "Business first");

        var future = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withSecond(0).withNano(0).toString();
        var bad = editor.post("/newsroom/fronts/business", Map.of("article_id", String.valueOf(second), "position", "1", "pinned_until", "next tuesday"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("value=\"next tuesday\"").contains("aria-invalid=\"true\"").contains("role=\"alert\"");
        assertThat(JSON.readTree(api("GET", "/api/v1/fronts/business", readToken, null).body()).get("slots")).hasSize(2); // nothing changed
        editor.get("/newsroom/fronts/business");
        var pinned = editor.post("/newsroom/fronts/business", Map.of("article_id", String.valueOf(second), "position", "1", "pinned_until", future));
        assertThat(pinned.status()).isEqualTo(303);
        var stored = JSON.readTree(api("GET", "/api/v1/fronts/business", readToken, null).body()).get("slots");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("pinned_until").asText()).isEqualTo(future + ":00Z"); // the site's zone is UTC here
    }

    @Test
    void a_section_editor_programs_only_their_sections_fronts_issue_10() {
        var sportDesk = app.signedIn("f-sport@example.com", Role.EDITOR);
        long sport = app.services().taxonomy().findSectionBySlug("sport").orElseThrow().id();
        app.services().users().setSections(app.services().users().findByEmail("f-sport@example.com").orElseThrow().id(), java.util.Set.of(sport));
        var index = sportDesk.get("/newsroom/fronts").body();
        assertThat(index).contains("/newsroom/fronts/sport").doesNotContain("/newsroom/fronts/home").doesNotContain("/newsroom/fronts/news");
        assertThat(sportDesk.get("/newsroom/fronts/sport").status()).isEqualTo(200);
        assertThat(sportDesk.get("/newsroom/fronts/home").status()).isEqualTo(403);
        assertThat(sportDesk.post("/newsroom/fronts/news", Map.of()).status()).isEqualTo(403);
        assertThat(editor.get("/newsroom/fronts/home").status()).as("an unrestricted editor").isEqualTo(200);
    }

    @Test
    void a_list_of_thousands_of_slots_gets_one_short_answer_issue_10() throws Exception {
        var many = new StringBuilder("[");
        for (int i = 1; i <= 5000; i++) many.append(i > 1 ? "," : "").append("{\"article_id\": ").append(i).append('}');
        var res = api("PUT", "/api/v1/fronts/home", editorToken, "{\"slots\": " + many + "]}");
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body().length()).as("not a problem per slot").isLessThan(1000);
        assertThat(res.body()).contains("at most 20 stories (this has 5000)");
    }
}
