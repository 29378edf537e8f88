package org.masthead.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.media.PhotoText;
import org.masthead.testing.Api;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** Issue 10: author profiles (bio, job title, photo, links) through PUT /api/v1/authors/{slug}, on author pages and in JSON-LD. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthorProfilesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    TestApp app;
    String editorToken;
    String readToken;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        var admin = app.signedIn("ap-admin@example.com", Role.ADMIN);
        editorToken = Api.token(admin, "editor");
        readToken = Api.token(admin, "read");
    }

    @AfterAll
    void stop() { app.close(); }

    HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        return Api.call(app.baseUrl(), method, "/api/v1" + path, token, body);
    }

    /** Text as the JSON-LD writes it: every non-ASCII character escaped (\\u0644...), so no script or encoding can break out. */
    static String ld(String s) {
        var sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 128 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        return sb.toString();
    }

    /** Publishes a story bylined {@code name}; returns the author's slug and the story's path. */
    String[] publishBy(String name, String headline) throws Exception {
        var created = JSON.readTree(api("POST", "/articles", editorToken, JSON.writeValueAsString(Map.of("headline", headline, "section", "news",
            "bylines", java.util.List.of(name), "body_html", "<p>Text.</p>"))).body());
        api("POST", "/articles/" + created.get("id").asLong() + "/publish", editorToken, "{}");
        return new String[] {created.get("bylines").get(0).get("slug").asText(), created.get("path").asText()};
    }

    @Test
    void a_profile_set_through_the_api_shows_on_the_author_page_and_in_json_ld_issue_10() throws Exception {
        var by = publishBy("ليلى حداد", "مجلس المدينة يقر خطة الفيضانات");
        var page = app.browser().get("/author/" + org.masthead.taxonomy.Slugs.encode(by[0]) + "/");
        assertThat(page.status()).isEqualTo(200); // cached now, before the profile
        long photo = app.services().uploads().upload(Fixtures.jpeg(600, 600, 71), new PhotoText("", "", "", "", "", ""), null).id();
        var put = api("PUT", "/authors/" + org.masthead.taxonomy.Slugs.encode(by[0]), editorToken, JSON.writeValueAsString(Map.of(
            "bio", "تغطي ليلى شؤون المدينة منذ عام 2015.\n\nShe previously reported from Beirut.", "job_title", "مراسلة الشؤون البلدية",
            "photo_id", photo, "links", java.util.List.of("https://social.example/@layla", "https://www.example.org/layla/"))));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(put.body());
        assertThat(body.get("name").asText()).isEqualTo("ليلى حداد");
        assertThat(body.get("photo").get("id").asLong()).isEqualTo(photo);
        var html = app.browser().get("/author/" + org.masthead.taxonomy.Slugs.encode(by[0]) + "/").body();
        assertThat(html).contains("<h1 dir=\"auto\">ليلى حداد</h1>").contains("<p class=\"job-title\" dir=\"auto\">مراسلة الشؤون البلدية</p>")
            .contains("<p dir=\"auto\">She previously reported from Beirut.</p>").contains("href=\"https://social.example/@layla\" rel=\"me noopener\"")
            .contains("\"@type\":\"ProfilePage\"").contains("\"jobTitle\":\"" + ld("مراسلة الشؤون البلدية") + "\"")
            .contains("\"sameAs\":[\"https://social.example/@layla\"")
            .contains("Stories by <bdi>ليلى حداد</bdi>").contains("مجلس المدينة يقر خطة الفيضانات");
        var story = app.browser().get(by[1] + "?from=profile").body();
        assertThat(story).contains("\"author\":[{\"@type\":\"Person\",\"name\":\"" + ld("ليلى حداد") + "\"")
            .contains("\"jobTitle\":\"" + ld("مراسلة الشؤون البلدية") + "\"");
        // A field left out stays as it was.
        var partial = JSON.readTree(api("PUT", "/authors/" + org.masthead.taxonomy.Slugs.encode(by[0]), editorToken, "{\"job_title\": \"Municipal correspondent\"}").body());
        assertThat(partial.get("bio").asText()).startsWith("تغطي ليلى");
        assertThat(partial.get("links")).hasSize(2);
        assertThat(JSON.readTree(api("GET", "/authors/" + org.masthead.taxonomy.Slugs.encode(by[0]), readToken, null).body()).get("job_title").asText())
            .isEqualTo("Municipal correspondent");
    }

    @Test
    void bad_profiles_are_refused_naming_the_field_and_change_nothing_issue_10() throws Exception {
        var slug = publishBy("Ana Ruiz", "Harbour reopens")[0];
        assertThat(api("PUT", "/authors/" + slug, editorToken, "{\"bio\": \"Covers the harbour.\"}").statusCode()).isEqualTo(200);
        var cases = Map.of(
            "{\"links\": [\"javascript:alert(1)\"]}", "links",
            "{\"links\": [\"https://user:pw@evil.example/\"]}", "links",
            "{\"links\": \"https://example.org\"}", "links",
            "{\"photo_id\": 999999}", "photo_id",
            "{\"photo_id\": \"1\"}", "photo_id",
            "{\"bio\": \"" + "x".repeat(5001) + "\"}", "bio",
            "{\"job_title\": \"line\\nbreak\"}", "job_title",
            "{\"bio\": 7}", "bio");
        for (var c : cases.entrySet()) {
            var res = api("PUT", "/authors/" + slug, editorToken, c.getKey());
            assertThat(res.statusCode()).as(c.getKey().substring(0, Math.min(60, c.getKey().length()))).isEqualTo(422);
            assertThat(JSON.readTree(res.body()).get("errors").has(c.getValue())).as(c.getKey().substring(0, Math.min(60, c.getKey().length()))).isTrue();
        }
        assertThat(api("PUT", "/authors/" + slug, editorToken, "[1]").statusCode()).isEqualTo(400);
        assertThat(api("PUT", "/authors/" + slug, readToken, "{\"bio\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(api("PUT", "/authors/nobody-here", editorToken, "{\"bio\": \"x\"}").statusCode()).isEqualTo(404);
        var after = JSON.readTree(api("GET", "/authors/" + slug, readToken, null).body());
        assertThat(after.get("bio").asText()).isEqualTo("Covers the harbour.");
        assertThat(after.get("links")).isEmpty();
        assertThat(after.get("photo_id").isNull()).isTrue();
    }

    @Test
    void an_editor_keeps_a_profile_in_the_newsroom_and_a_bad_link_keeps_what_was_typed_issue_10() throws Exception {
        var slug = publishBy("Sam Reyes", "Ferry timetable changes")[0];
        var editor = app.signedIn("ap-editor@example.com", Role.EDITOR);
        assertThat(editor.get("/newsroom/authors").body()).contains("/newsroom/authors/" + slug);
        editor.get("/newsroom/authors/" + slug);
        var bad = editor.post("/newsroom/authors/" + slug, Map.of("job_title", "Transport reporter", "bio", "Covers ferries.", "photo_id", "",
            "links", "https://social.example/@sam\njavascript:alert(1)"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Each link must be a full web address").contains("Covers ferries.").contains("javascript:alert(1)");
        assertThat(JSON.readTree(api("GET", "/authors/" + slug, readToken, null).body()).get("job_title").asText()).isEmpty();
        var ok = editor.post("/newsroom/authors/" + slug, Map.of("job_title", "Transport reporter", "bio", "Covers ferries.", "photo_id", "",
            "links", "https://social.example/@sam"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(app.browser().get("/author/" + slug + "/").body()).contains("Transport reporter").contains("Covers ferries.");
        var contributor = app.signedIn("ap-contrib@example.com", Role.CONTRIBUTOR);
        assertThat(contributor.get("/newsroom/authors/" + slug).status()).isEqualTo(403);
    }
}
