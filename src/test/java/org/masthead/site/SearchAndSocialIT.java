package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.media.PhotoText;
import org.masthead.testing.Api;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** Issue 10: a story's own search/social title, description and image, in meta tags, OpenGraph and JSON-LD. */
class SearchAndSocialIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_story_s_search_title_description_and_social_image_reach_its_page_and_survive_an_update_that_leaves_them_out_issue_10() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var editor = app.signedIn("seo-editor@example.com", Role.EDITOR);
            var token = Api.token(app.signedIn("seo-admin@example.com", Role.ADMIN), "editor");
            var http = HttpClient.newHttpClient();
            long social = app.services().uploads().upload(Fixtures.jpeg(1600, 900, 91), new PhotoText("Social card photo", "", "", "", "Card", ""), null).id();
            java.util.function.BiFunction<String, String, HttpResponse<String>> api = (method, body) -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/articles" + method)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").method(body == null ? "POST" : method.isEmpty() ? "POST" : "PUT",
                            HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            var created = api.apply("", JSON.writeValueAsString(Map.of("headline", "Council votes 7-2 to back the harbour flood defence plan after a long night",
                "section", "news", "bylines", java.util.List.of("Ana Ruiz"), "dek", "The long dek.", "seo_title", "Harbour flood plan approved",
                "seo_description", "Councillors backed the £40m scheme.", "social_image_id", social)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var node = JSON.readTree(created.body());
            long id = node.get("id").asLong();
            assertThat(node.get("seo_title").asText()).isEqualTo("Harbour flood plan approved");
            api.apply("/" + id + "/publish", null);
            var page = app.browser().get(node.get("path").asText()).body();
            assertThat(page).contains("<title>Harbour flood plan approved | ").contains("<meta name=\"description\" content=\"Councillors backed the £40m scheme.\">")
                .contains("<meta property=\"og:title\" content=\"Harbour flood plan approved\">")
                .contains("<meta property=\"og:description\" content=\"Councillors backed the £40m scheme.\">")
                .contains("<meta property=\"og:image\" content=\"" + "http://localhost:8080" + app.services().mediaStore().find(social).orElseThrow().wideUrl() + "\">")
                .contains("<h1 dir=\"auto\">Council votes 7-2"); // the page itself keeps the headline
            var updated = api.apply("/" + id, "{\"revision\": " + (node.get("revision").asInt() + 1) + ", \"headline\": \"Council backs the flood plan\", \"section\": \"news\", \"bylines\": [\"Ana Ruiz\"]}");
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            assertThat(JSON.readTree(updated.body()).get("seo_description").asText()).as("left out: kept").isEqualTo("Councillors backed the £40m scheme.");
            var bad = api.apply("", "{\"headline\": \"x\", \"section\": \"news\", \"social_image_id\": 999999}");
            assertThat(bad.statusCode()).isEqualTo(422);

            long news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
            editor.get("/newsroom/articles/new");
            var form = new HashMap<>(Fixtures.articleForm(news, "Form story", Map.of("seo_title", "x".repeat(201), "seo_description", "Typed description", "social_image", "abc")));
            var refused = editor.post("/newsroom/articles", form);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("Keep the search title under 200").contains("Typed description").contains("<details class=\"seo\" open>");
            form.put("seo_title", "Form story, for search");
            form.put("social_image", String.valueOf(social));
            assertThat(editor.post("/newsroom/articles", form).status()).isEqualTo(303);
        }
    }
}
