package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Issue 10: every story has a language; its page says so with lang and dir, and so do the API and JSON-LD. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LanguageIT {
    static final ObjectMapper JSON = new ObjectMapper();
    TestApp app;
    Browser editor;
    String token;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        editor = app.signedIn("l-editor@example.com", Role.EDITOR);
        token = Api.token(app.signedIn("l-admin@example.com", Role.ADMIN), "editor");
    }

    @AfterAll
    void stop() { app.close(); }

    HttpResponse<String> api(String method, String path, String body) throws Exception {
        return Api.call(app.baseUrl(), method, path, token, body);
    }

    JsonNode created(String body) throws Exception {
        var res = api("POST", "/api/v1/articles", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        return JSON.readTree(res.body());
    }

    @Test
    void an_arabic_story_says_so_in_the_api_on_its_page_and_in_json_ld_and_keeps_it_through_an_update_issue_10() throws Exception {
        var a = created("{\"headline\": \"مجلس المدينة يقر خطة الفيضانات\", \"section\": \"news\", \"language\": \"ar\", \"bylines\": [\"ليلى حداد\"],"
            + " \"body_html\": \"<p>Reuters أفادت أن المجلس اجتمع.</p>\"}");
        assertThat(a.get("language").asText()).isEqualTo("ar");
        assertThat(a.get("direction").asText()).isEqualTo("rtl");
        long id = a.get("id").asLong();
        var updated = api("PUT", "/api/v1/articles/" + id, "{\"revision\": 1, \"headline\": \"مجلس المدينة يقر الخطة\", \"section\": \"news\", \"bylines\": [\"ليلى حداد\"],"
            + " \"body_html\": \"<p>Reuters أفادت أن المجلس اجتمع.</p>\"}");
        assertThat(JSON.readTree(updated.body()).get("language").asText()).as("an update that does not name a language keeps the story's").isEqualTo("ar");
        assertThat(api("POST", "/api/v1/articles/" + id + "/publish", "{}").statusCode()).isEqualTo(200);
        var page = app.browser().get(JSON.readTree(updated.body()).get("path").asText()).body();
        assertThat(page).contains("<html lang=\"en\" dir=\"ltr\">").contains("<article class=\"story\" lang=\"ar\" dir=\"rtl\"")
            .contains("<div class=\"body\">") // its direction is the story's, not guessed from a first Latin word
            .contains("\"inLanguage\":\"ar\"");

        var english = created("{\"headline\": \"Council backs flood plan\", \"section\": \"news\", \"bylines\": [\"Ana Ruiz\"]}");
        assertThat(english.get("language").asText()).isEqualTo("en");
        assertThat(english.get("direction").asText()).isEqualTo("ltr");
    }

    @Test
    void a_language_that_is_not_a_tag_is_refused_and_nothing_is_stored_issue_10() throws Exception {
        for (var bad : new String[] {"\"x!\"", "\"arabic language please\"", "7", "\"ar\\u0000\""}) {
            var res = api("POST", "/api/v1/articles", "{\"headline\": \"Tagged badly\", \"section\": \"news\", \"bylines\": [\"Ana Ruiz\"], \"language\": " + bad + "}");
            assertThat(res.statusCode()).as(bad + ": " + res.body()).isEqualTo(422);
            assertThat(JSON.readTree(res.body()).get("errors").has("language")).as(bad).isTrue();
        }
        assertThat(app.services().articles().listForNewsroom(new org.masthead.article.ArticleStore.Filter(null, null), 100, 0))
            .noneMatch(s -> s.headline().equals("Tagged badly"));
    }

    @Test
    void the_editor_types_an_arabic_story_right_to_left_and_a_refusal_keeps_the_language_chosen_issue_10() {
        long news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
        var form = new HashMap<>(Fixtures.articleForm(news, "", Map.of("language", "ar", "dek", "ملخص قصير")));
        var refused = editor.post("/newsroom/articles", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<option value=\"ar\" lang=\"ar\" data-dir=\"rtl\" selected>")
            .contains("id=\"headline\" name=\"headline\" type=\"text\" maxlength=\"200\" dir=\"rtl\" lang=\"ar\"")
            .contains("id=\"dek\" name=\"dek\" rows=\"2\" maxlength=\"400\" dir=\"rtl\" lang=\"ar\"");
        form.put("headline", "عنوان الخبر");
        var saved = editor.post("/newsroom/articles", form);
        assertThat(saved.status()).isEqualTo(303);
        long id = Long.parseLong(saved.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        assertThat(app.services().articles().find(id).orElseThrow().language()).isEqualTo("ar");
        assertThat(editor.get("/newsroom/articles/" + id).body()).contains("dir=\"rtl\" lang=\"ar\" value=\"عنوان الخبر\"");
    }
}
