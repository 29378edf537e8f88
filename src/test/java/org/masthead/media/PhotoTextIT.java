package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Issue 8: photo text lives twice, the library's and each story's; no role rewrites what it may not, no refusal writes anything. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PhotoTextIT {
    TestApp app;
    Browser editor;
    Browser contributor;
    Browser admin;
    long news;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        editor = app.signedIn("photo-editor@example.com", Role.EDITOR);
        contributor = app.signedIn("photo-contrib@example.com", Role.CONTRIBUTOR);
        admin = app.signedIn("photo-admin@example.com", Role.ADMIN);
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
    }

    @AfterAll
    void stop() { app.close(); }

    Photo library(long id) { return app.services().mediaStore().find(id).orElseThrow(); }

    long idFrom(Browser.Response res) {
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    long photo(int seed, String caption) {
        return app.services().uploads().upload(Fixtures.jpeg(640, 360, seed), new PhotoText(caption, "MASTHEAD/Lib Credit", "Lib Creator", "", "Lib alt", ""), null).id();
    }

    Map<String, String> form(String headline, long photoId, String caption, Map<String, String> more) {
        var f = new HashMap<>(Fixtures.articleForm(news, headline, Map.of("lead_photo", String.valueOf(photoId), "photo_caption", caption)));
        f.putAll(more);
        return f;
    }

    @Test
    void each_story_keeps_its_own_caption_and_the_library_keeps_its_own_issue_8() {
        long p = photo(301, "Library caption");
        long a = idFrom(editor.post("/newsroom/articles", form("Story A", p, "Caption for A", Map.of("action", "publish"))));
        long b = idFrom(editor.post("/newsroom/articles", form("Story B", p, "Caption for B", Map.of("action", "publish"))));
        assertThat(app.services().articles().find(a).orElseThrow().leadPhoto().caption()).isEqualTo("Caption for A");
        assertThat(app.services().articles().find(b).orElseThrow().leadPhoto().caption()).isEqualTo("Caption for B");
        assertThat(library(p).caption()).isEqualTo("Library caption");
        var pageA = app.browser().get(app.services().articles().find(a).orElseThrow().path()).body();
        assertThat(pageA).contains("Caption for A").doesNotContain("Caption for B").doesNotContain("Library caption");
        // Editing A's caption leaves B's alone.
        var rev = app.services().articles().find(a).orElseThrow().revision();
        idFrom(editor.post("/newsroom/articles/" + a, form("Story A", p, "A, corrected", Map.of("revision", String.valueOf(rev)))));
        assertThat(app.services().articles().find(a).orElseThrow().leadPhoto().caption()).isEqualTo("A, corrected");
        assertThat(app.services().articles().find(b).orElseThrow().leadPhoto().caption()).isEqualTo("Caption for B");
        assertThat(library(p).caption()).isEqualTo("Library caption");
        // The use's words are in the revision snapshot.
        var snapshot = app.services().db().read(h -> h.createQuery("select snapshot from article_revision where article_id = :a order by revision desc limit 1")
            .bind("a", a).mapTo(String.class).one());
        assertThat(snapshot).contains("\"caption\":\"A, corrected\"");
    }

    @Test
    void a_photo_chosen_with_blank_words_takes_the_librarys_issue_8() {
        long p = photo(302, "Words from the library");
        long a = idFrom(editor.post("/newsroom/articles", form("Story C", p, "", Map.of("photo_credit", "", "photo_alt", ""))));
        var use = app.services().articles().find(a).orElseThrow().leadPhoto();
        assertThat(use.caption()).isEqualTo("Words from the library");
        assertThat(use.credit()).isEqualTo("MASTHEAD/Lib Credit");
        assertThat(use.altText()).isEqualTo("Lib alt");
    }

    @Test
    void contributors_cannot_rewrite_library_text_in_any_of_three_ways_issue_8() throws Exception {
        long p = photo(303, "Published caption");
        var bytes = Fixtures.jpeg(640, 360, 303);
        // 1: the library's own form
        var direct = contributor.post("/newsroom/photos/" + p, Map.of("caption", "Hacked", "credit", "Hacked", "alt", "", "creator", "",
            "copyright", "", "title", "", "focal_x", "50", "focal_y", "50", "text_revision", "1"));
        assertThat(direct.status()).isEqualTo(403);
        // 2: naming the photo as their own draft's lead photo, with caption fields
        var draft = contributor.post("/newsroom/articles", form("My draft", p, "Hacked via draft", Map.of("photo_credit", "Hacked credit")));
        long mine = idFrom(draft);
        assertThat(app.services().articles().find(mine).orElseThrow().leadPhoto().caption()).isEqualTo("Hacked via draft"); // their story's own
        // 3: re-uploading the same bytes with new words, in the newsroom and through the API
        var again = contributor.postMultipart("/newsroom/articles", Fixtures.articleForm(news, "Re-upload", Map.of("photo_caption", "Hacked by upload")),
            "photo", "same.jpg", bytes);
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("Location")).endsWith("&existing=1");
        assertThat(contributor.get(again.header("Location")).body()).contains("already in the library as photo " + p);
        var token = token("editor");
        var api = uploadViaApi(token, bytes, "Hacked by API");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(json.readTree(api.body()).get("existing").asBoolean()).isTrue();
        assertThat(json.readTree(api.body()).get("id").asLong()).isEqualTo(p);
        var lib = library(p);
        assertThat(lib.caption()).isEqualTo("Published caption");
        assertThat(lib.credit()).isEqualTo("MASTHEAD/Lib Credit");
    }

    @Test
    void a_refused_stale_save_writes_no_photo_text_and_a_stale_form_never_restores_old_library_text_issue_8() {
        long p = photo(304, "Original caption");
        long a = idFrom(editor.post("/newsroom/articles", form("Story D", p, "Story caption", Map.of())));
        int rev = app.services().articles().find(a).orElseThrow().revision();
        idFrom(editor.post("/newsroom/articles/" + a, form("Story D", p, "Second caption", Map.of("revision", String.valueOf(rev)))));
        var stale = editor.post("/newsroom/articles/" + a, form("Story D stale", p, "Stale caption", Map.of("revision", String.valueOf(rev))));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Stale caption"); // typed text kept
        assertThat(app.services().articles().find(a).orElseThrow().leadPhoto().caption()).isEqualTo("Second caption");
        assertThat(library(p).caption()).isEqualTo("Original caption");
        // A library edit, then a save from a form opened before it: the library keeps the edit.
        int textRev = app.services().mediaStore().textRevision(p);
        var lib = editor.post("/newsroom/photos/" + p, libraryForm("Library edited", textRev));
        assertThat(lib.status()).isEqualTo(303);
        int now = app.services().articles().find(a).orElseThrow().revision();
        idFrom(editor.post("/newsroom/articles/" + a, form("Story D", p, "Second caption", Map.of("revision", String.valueOf(now)))));
        assertThat(library(p).caption()).isEqualTo("Library edited");
        // The library's own stale check: a second edit based on the old text revision is refused, typed words kept.
        var second = admin.post("/newsroom/photos/" + p, libraryForm("Other editor's words", textRev));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("Other editor's words").contains("Someone else changed");
        assertThat(library(p).caption()).isEqualTo("Library edited");
    }

    Map<String, String> libraryForm(String caption, int textRevision) {
        return Map.of("caption", caption, "credit", "MASTHEAD/Lib Credit", "creator", "New Creator", "copyright", "", "alt", "Lib alt",
            "title", "", "focal_x", "50", "focal_y", "50", "text_revision", String.valueOf(textRevision));
    }

    @Test
    void a_library_edit_refreshes_the_cached_pages_that_show_the_photo_issue_8() {
        long p = photo(305, "Cached caption");
        long a = idFrom(editor.post("/newsroom/articles", form("Story E", p, "Use caption", Map.of("action", "publish"))));
        var path = app.services().articles().find(a).orElseThrow().path();
        var before = app.browser().get(path);
        assertThat(before.body()).contains("Lib Creator");
        var lib = editor.post("/newsroom/photos/" + p, libraryForm("Cached caption", app.services().mediaStore().textRevision(p)));
        assertThat(lib.status()).isEqualTo(303);
        var after = app.browser().get(path);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.body()).contains("New Creator").doesNotContain("Lib Creator");
    }

    @Test
    void a_wire_credit_already_in_the_caption_is_not_printed_twice_issue_8() {
        long p = photo(306, "x");
        var caption = "Montreal Canadiens' Carey Price makes a save in Montreal, Saturday, Oct. 8, 2016. THE CANADIAN PRESS/Paul Chiasson";
        long a = idFrom(editor.post("/newsroom/articles", form("Story F", p, caption, Map.of("photo_credit", "The Canadian Press", "action", "publish"))));
        var body = app.browser().get(app.services().articles().find(a).orElseThrow().path()).body();
        assertThat(body).contains(caption + "</span></figcaption>").doesNotContain("<span class=\"credit\" dir=\"auto\">The Canadian Press</span>");
        long b = idFrom(editor.post("/newsroom/articles", form("Story G", p, "A caption without its credit.", Map.of("photo_credit", "REUTERS/Abdalrhman Ismail", "action", "publish"))));
        assertThat(app.browser().get(app.services().articles().find(b).orElseThrow().path()).body())
            .contains("<span class=\"credit\" dir=\"auto\">REUTERS/Abdalrhman Ismail</span>");
    }

    @Test
    void the_editor_sees_the_files_instructions_and_usage_terms_where_the_photo_is_used_issue_8() throws Exception {
        var bytes = java.nio.file.Files.readAllBytes(org.masthead.testing.Testdata.resolve("photos/iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg"));
        var p = app.services().uploads().upload(bytes, new PhotoText("", "", "", "", "", ""), null);
        var fresh = editor.get("/newsroom/articles/new?photo=" + p.id()).body();
        assertThat(fresh).contains("Instructions from the file:").contains("An Instruction (ref2021.1)")
            .contains("Usage terms:").contains("Rights Usage Terms (ref2021.1)");
        long a = idFrom(editor.post("/newsroom/articles", form("Story with instructions", p.id(), "", Map.of())));
        assertThat(editor.get("/newsroom/articles/" + a).body()).contains("An Instruction (ref2021.1)");
    }

    @Test
    void the_api_takes_a_lead_photo_object_and_refuses_bad_photo_ids_with_422_issue_8() throws Exception {
        long p = photo(307, "API library caption");
        var token = token("editor");
        var created = api("POST", "/articles", token, """
            {"headline": "API story", "section": "news", "lead_photo": {"id": %d, "caption": "API use caption", "alt_text": "API alt"}}
            """.formatted(p));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var lead = json.readTree(created.body()).get("lead_photo");
        assertThat(lead.get("caption").asText()).isEqualTo("API use caption");
        assertThat(lead.get("credit").asText()).isEqualTo("MASTHEAD/Lib Credit"); // left out: the library's
        assertThat(library(p).caption()).isEqualTo("API library caption");
        int before = app.services().articles().listForNewsroom(new org.masthead.article.ArticleStore.Filter(null, null), 1000, 0).size();
        for (var bad : new String[] {"999999", "-1", "\"abc\"", "1.5"}) {
            var res = api("POST", "/articles", token, "{\"headline\": \"Bad photo\", \"section\": \"news\", \"lead_photo_id\": " + bad + "}");
            assertThat(res.statusCode()).as(bad + ": " + res.body()).isEqualTo(422);
            assertThat(res.body()).contains("lead_photo");
        }
        assertThat(app.services().articles().listForNewsroom(new org.masthead.article.ArticleStore.Filter(null, null), 1000, 0)).hasSize(before);
    }

    @Test
    void a_photo_title_heads_its_caption_per_story_in_the_newsroom_the_api_and_the_reader_page_issue_10() throws Exception {
        long p = app.services().uploads().upload(Fixtures.jpeg(640, 360, 3091), new PhotoText("A man inspects the damage. REUTERS/Abdalrhman Ismail",
            "REUTERS/Abdalrhman Ismail", "", "", "A damaged hospital ward", "Destroyed Aleppo Hospital in Syria"), null).id();
        assertThat(library(p).title()).isEqualTo("Destroyed Aleppo Hospital in Syria");
        long a = idFrom(editor.post("/newsroom/articles", form("Hospital hit", p, "A man inspects the damage.", Map.of("action", "publish"))));
        var story = app.services().articles().find(a).orElseThrow();
        assertThat(story.leadPhoto().title()).as("a photo just chosen takes the library's title").isEqualTo("Destroyed Aleppo Hospital in Syria");
        var page = app.browser().get(story.path()).body();
        assertThat(page).containsSubsequence("<figcaption><span class=\"photo-title\" dir=\"auto\">Destroyed Aleppo Hospital in Syria</span>",
            "A man inspects the damage.", "MASTHEAD/Jane Doe"); // the story's credit, as its form sent it
        editor.get("/newsroom/articles/" + a);
        var edited = form("Hospital hit", p, "A man inspects the damage.", Map.of("photo_title", "مستشفى حلب المدمر", "revision", String.valueOf(story.revision())));
        assertThat(editor.post("/newsroom/articles/" + a, edited).status()).isEqualTo(303);
        assertThat(app.browser().get(story.path()).body()).contains("<span class=\"photo-title\" dir=\"auto\">مستشفى حلب المدمر</span>");
        assertThat(library(p).title()).as("the library keeps its own title").isEqualTo("Destroyed Aleppo Hospital in Syria");
        var token = token("editor");
        var got = json.readTree(api("GET", "/articles/" + a, token, null).body());
        assertThat(got.get("lead_photo").get("title").asText()).isEqualTo("مستشفى حلب المدمر");
        var put = api("PUT", "/articles/" + a, token, """
            {"revision": %d, "headline": "Hospital hit", "section": "news", "bylines": ["Clara Wren"], "lead_photo": {"id": %d, "title": "Aleppo, after the strike"}}
            """.formatted(got.get("revision").asInt(), p));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json.readTree(put.body()).get("lead_photo").get("title").asText()).isEqualTo("Aleppo, after the strike");
        var bad = api("PUT", "/articles/" + a, token, """
            {"revision": %d, "headline": "Hospital hit", "section": "news", "bylines": ["Clara Wren"], "lead_photo": {"id": %d, "title": "Line\\nbreak"}}
            """.formatted(json.readTree(put.body()).get("revision").asInt(), p));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(app.services().articles().find(a).orElseThrow().leadPhoto().title()).isEqualTo("Aleppo, after the strike");
    }

    @Test
    void a_disabled_users_tokens_stop_working_issue_8() throws Exception {
        var other = app.signedIn("token-admin@example.com", Role.ADMIN);
        var token = Api.token(other, "editor");
        assertThat(api("GET", "/articles", token, null).statusCode()).isEqualTo(200);
        var user = app.services().users().findByEmail("token-admin@example.com").orElseThrow();
        app.services().db().useTransaction(h -> h.createUpdate("update app_user set disabled = true where id = :id").bind("id", user.id()).execute());
        assertThat(api("GET", "/articles", token, null).statusCode()).isEqualTo(401);
        assertThat(uploadViaApi(token, Fixtures.jpeg(100, 100, 308), "x").statusCode()).isEqualTo(401);
    }

    @Test
    void contributors_see_only_their_own_articles_issue_8() {
        long p = photo(309, "x");
        long theirs = idFrom(editor.post("/newsroom/articles", form("Editor's draft nobody else sees", p, "c", Map.of())));
        assertThat(contributor.get("/newsroom/articles/" + theirs).status()).isEqualTo(404);
        assertThat(contributor.get("/newsroom/articles").body()).doesNotContain("Editor&#39;s draft nobody else sees");
        assertThat(editor.get("/newsroom/articles/" + theirs).status()).isEqualTo(200);
    }

    String token(String scope) { return Api.token(admin, scope); }

    HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1" + path)).header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> uploadViaApi(String token, byte[] bytes, String caption) throws Exception {
        return Api.uploadPhoto(app.baseUrl(), token, bytes, Map.of("caption", caption));
    }
}
