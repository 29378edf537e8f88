package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Fixtures;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/**
 * The content API against its own OpenAPI document: every documented operation is called on the
 * running server and must answer a documented status with the documented required members.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContentApiIT {
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    TestApp app;
    String editorToken;
    String readToken;
    JsonNode openapi;

    abstract Database.Engine engine();

    @BeforeAll
    void start() throws Exception {
        app = TestApp.start(engine());
        PublishedSite.publish(app, 5);
        var admin = app.signedIn("api-owner@example.com", Role.ADMIN);
        editorToken = token(admin, "editor");
        readToken = token(admin, "read");
        openapi = json.readTree(app.browser().get("/api/v1/openapi.json").body());
    }

    @AfterAll
    void stop() { app.close(); }

    static String token(org.masthead.testing.Browser admin, String scope) {
        var m = Pattern.compile("<code>(mh_[A-Za-z0-9_-]{43})</code>").matcher(admin.post("/newsroom/tokens", Map.of("name", scope, "scope", scope)).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    record Call(int status, JsonNode body, String contentType) {}

    Call call(String method, String path, String token, String jsonBody) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1" + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (jsonBody != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        var res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Call(res.statusCode(), res.body().isEmpty() ? null : json.readTree(res.body()), res.headers().firstValue("Content-Type").orElse(""));
    }

    /** Asserts the response matches the operation's documented status and schema (required members). */
    void conforms(String path, String method, Call call) {
        var op = openapi.get("paths").get(path).get(method);
        var response = op.get("responses").get(String.valueOf(call.status()));
        assertThat(response).as(method + " " + path + " answered undocumented " + call.status() + ": " + call.body()).isNotNull();
        if (response.has("$ref")) response = openapi.at(response.get("$ref").asText().substring(1));
        var content = response.get("content");
        if (content == null) { // documented without a body (204)
            assertThat(call.body()).isNull();
            return;
        }
        var type = content.fieldNames().next();
        assertThat(call.contentType()).startsWith(type);
        var schema = content.get(type).get("schema");
        if (schema.has("$ref")) schema = openapi.at(schema.get("$ref").asText().substring(1));
        for (var required : schema.path("required")) assertThat(call.body().has(required.asText())).as(method + " " + path + " has " + required).isTrue();
    }

    @Test
    void every_documented_operation_answers_as_documented() throws Exception {
        var covered = new HashSet<String>();
        var article = call("GET", "/articles?limit=2", readToken, null);
        conforms("/articles", "get", article);
        covered.add("listArticles");
        assertThat(article.body().get("items")).hasSize(2);
        assertThat(article.body().get("next_cursor").asText()).isNotBlank();
        var next = call("GET", "/articles?limit=2&cursor=" + article.body().get("next_cursor").asText(), readToken, null);
        assertThat(next.body().get("items").get(0).get("id").asLong()).isNotEqualTo(article.body().get("items").get(0).get("id").asLong());
        conforms("/articles", "get", call("GET", "/articles?limit=500", readToken, null));
        conforms("/articles", "get", call("GET", "/articles?status=draft", readToken, null));

        long id = article.body().get("items").get(0).get("id").asLong();
        var one = call("GET", "/articles/" + id, readToken, null);
        conforms("/articles/{id}", "get", one);
        conforms("/articles/{id}", "get", call("GET", "/articles/999999", readToken, null));
        var asNinjs = call("GET", "/articles/" + id + "?format=ninjs", readToken, null);
        assertThat(asNinjs.status()).isEqualTo(200);
        assertThat(org.masthead.wire.NinjsReader.violations(asNinjs.body(), "3.0")).as("ninjs 3.0 schema, issue 11").isEmpty();
        conforms("/articles/{id}", "get", call("GET", "/articles/" + id + "?format=rss", readToken, null));
        covered.add("getArticle");
        conforms("/articles/by-path", "get", call("GET", "/articles/by-path?path=" + one.body().get("path").asText(), readToken, null));
        conforms("/articles/by-path", "get", call("GET", "/articles/by-path?path=/nope/nothing", readToken, null));
        covered.add("articleByPath");

        var created = call("POST", "/articles", editorToken, """
            {"headline": "From the wire <script>alert(1)</script>", "dek": "A wire story", "section": "news",
             "body_html": "<p>Text</p><script>x()</script>", "bylines": ["Wire Desk"], "tags": ["Wire"]}""");
        conforms("/articles", "post", created);
        covered.add("createArticle");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("body_html").asText()).isEqualTo("<p>Text</p>");
        assertThat(created.body().get("status").asText()).isEqualTo("draft");
        conforms("/articles", "post", call("POST", "/articles", editorToken, "{\"headline\": \"\", \"section\": \"news\"}"));
        conforms("/articles", "post", call("POST", "/articles", readToken, "{\"headline\": \"x\", \"section\": \"news\"}"));
        conforms("/articles", "post", call("POST", "/articles", editorToken, "not json"));
        long newId = created.body().get("id").asLong();
        int revision = created.body().get("revision").asInt();

        var updated = call("PUT", "/articles/" + newId, editorToken, "{\"headline\": \"From the wire, updated\", \"section\": \"news\", \"revision\": " + revision + "}");
        conforms("/articles/{id}", "put", updated);
        assertThat(updated.status()).isEqualTo(200);
        var stale = call("PUT", "/articles/" + newId, editorToken, "{\"headline\": \"Stale\", \"section\": \"news\", \"revision\": " + revision + "}");
        conforms("/articles/{id}", "put", stale);
        assertThat(stale.status()).isEqualTo(409);
        covered.add("updateArticle");

        var published = call("POST", "/articles/" + newId + "/publish", editorToken, null);
        conforms("/articles/{id}/publish", "post", published);
        assertThat(published.body().get("status").asText()).isEqualTo("published");
        assertThat(app.browser().get(published.body().get("path").asText()).status()).isEqualTo(200);
        covered.add("publishArticle");
        var unpublished = call("POST", "/articles/" + newId + "/unpublish", editorToken, null);
        conforms("/articles/{id}/unpublish", "post", unpublished);
        conforms("/articles/{id}/unpublish", "post", call("POST", "/articles/" + newId + "/unpublish", readToken, null));
        covered.add("unpublishArticle");
        // The workflow moves (issue 9): submit → send back → submit → approve → schedule → unschedule → kill.
        conforms("/articles/{id}/submit", "post", call("POST", "/articles/" + newId + "/submit", editorToken, null)); // unpublished: 409
        var draftId = call("POST", "/articles", editorToken, "{\"headline\": \"Workflow via the API\", \"section\": \"news\"}").body().get("id").asLong();
        var submitted = call("POST", "/articles/" + draftId + "/submit", editorToken, null);
        assertThat(submitted.status()).isEqualTo(200);
        conforms("/articles/{id}/submit", "post", submitted);
        covered.add("submitArticle");
        conforms("/articles/{id}/send-back", "post", call("POST", "/articles/" + draftId + "/send-back", editorToken, "{}")); // no note: 422
        var sentBack = call("POST", "/articles/" + draftId + "/send-back", editorToken, "{\"note\": \"Needs a source\"}");
        assertThat(sentBack.status()).isEqualTo(200);
        conforms("/articles/{id}/send-back", "post", sentBack);
        covered.add("sendBackArticle");
        call("POST", "/articles/" + draftId + "/submit", editorToken, null);
        var approved = call("POST", "/articles/" + draftId + "/approve", editorToken, null);
        assertThat(approved.body().get("status").asText()).isEqualTo("ready");
        conforms("/articles/{id}/approve", "post", approved);
        conforms("/articles/{id}/approve", "post", call("POST", "/articles/" + draftId + "/approve", readToken, null));
        covered.add("approveArticle");
        var at = java.time.Instant.now().plusSeconds(86_400).toString();
        var scheduled = call("POST", "/articles/" + draftId + "/schedule", editorToken, "{\"at\": \"" + at + "\"}");
        assertThat(scheduled.body().get("status").asText()).isEqualTo("scheduled");
        conforms("/articles/{id}/schedule", "post", scheduled);
        conforms("/articles/{id}/schedule", "post", call("POST", "/articles/" + draftId + "/schedule", editorToken, "{\"at\": \"2001-01-01T00:00:00Z\"}"));
        covered.add("scheduleArticle");
        var unscheduled = call("DELETE", "/articles/" + draftId + "/schedule", editorToken, null);
        assertThat(unscheduled.body().get("status").asText()).isEqualTo("ready");
        conforms("/articles/{id}/schedule", "delete", unscheduled);
        covered.add("unscheduleArticle");
        var killed = call("POST", "/articles/" + draftId + "/kill", editorToken, "{\"reason\": \"Legal\"}");
        assertThat(killed.body().get("status").asText()).isEqualTo("killed");
        conforms("/articles/{id}/kill", "post", killed);
        conforms("/articles/{id}/kill", "post", call("POST", "/articles/" + draftId + "/kill", editorToken, "{\"reason\": \"Again\"}")); // 409
        covered.add("killArticle");
        var correctedId = call("POST", "/articles", editorToken, "{\"headline\": \"Corrected via the API\", \"section\": \"news\"}").body().get("id").asLong();
        conforms("/articles/{id}/corrections", "post", call("POST", "/articles/" + correctedId + "/corrections", editorToken,
            "{\"kind\": \"correction\", \"text\": \"x\"}")); // a draft: 409
        call("POST", "/articles/" + correctedId + "/publish", editorToken, null);
        var corrected = call("POST", "/articles/" + correctedId + "/corrections", editorToken, "{\"kind\": \"clarification\", \"text\": \"We meant Tuesday.\"}");
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.body().get("corrections").get(0).get("kind").asText()).isEqualTo("clarification");
        conforms("/articles/{id}/corrections", "post", corrected);
        conforms("/articles/{id}/corrections", "post", call("POST", "/articles/" + correctedId + "/corrections", editorToken, "{\"kind\": \"gossip\", \"text\": \"x\"}"));
        covered.add("addCorrection");
        var history = call("GET", "/articles/" + correctedId + "/revisions", readToken, null);
        assertThat(history.body().get("items").size()).isGreaterThanOrEqualTo(3);
        conforms("/articles/{id}/revisions", "get", history);
        covered.add("listRevisions");
        var first = call("GET", "/articles/" + correctedId + "/revisions/1", readToken, null);
        assertThat(first.body().get("snapshot").get("headline").asText()).isEqualTo("Corrected via the API");
        conforms("/articles/{id}/revisions/{n}", "get", first);
        conforms("/articles/{id}/revisions/{n}", "get", call("GET", "/articles/" + correctedId + "/revisions/999", readToken, null));
        covered.add("getRevision");
        var restored = call("POST", "/articles/" + correctedId + "/revisions/1/restore", editorToken, null);
        assertThat(restored.status()).isEqualTo(200);
        conforms("/articles/{id}/revisions/{n}/restore", "post", restored);
        conforms("/articles/{id}/revisions/{n}/restore", "post", call("POST", "/articles/" + correctedId + "/revisions/1/restore", readToken, null));
        covered.add("restoreRevision");
        var link = call("POST", "/articles/" + correctedId + "/preview-link", editorToken, null);
        assertThat(link.status()).isEqualTo(201);
        assertThat(link.body().get("url").asText()).contains("/preview/" + correctedId + ".");
        conforms("/articles/{id}/preview-link", "post", link);
        conforms("/articles/{id}/preview-link", "post", call("POST", "/articles/" + correctedId + "/preview-link", readToken, null));
        covered.add("createPreviewLink");
        var capsId = call("POST", "/articles", editorToken, "{\"headline\": \"COUNCIL VOTES TONIGHT ON PLAN\", \"section\": \"news\","
            + " \"body_html\": \"<p>The the vote. <a href=\\\"/news/no-such-story\\\">see</a></p>\"}").body().get("id").asLong();
        var checks = call("GET", "/articles/" + capsId + "/checks", readToken, null);
        assertThat(checks.body().get("items").findValuesAsText("rule")).contains("headline-caps", "doubled-word", "dead-link");
        conforms("/articles/{id}/checks", "get", checks);
        conforms("/articles/{id}/checks", "get", call("GET", "/articles/999999/checks", readToken, null));
        covered.add("checkArticle");
        assertThat(call("GET", "/articles/" + newId, readToken, null).status()).isEqualTo(404);
        assertThat(call("GET", "/articles/" + newId, editorToken, null).status()).isEqualTo(200);

        for (var list : Map.of("/sections", "listSections", "/tags", "listTags", "/authors", "listAuthors").entrySet()) {
            var res = call("GET", list.getKey(), readToken, null);
            conforms(list.getKey(), "get", res);
            assertThat(res.body().get("items")).isNotEmpty();
            covered.add(list.getValue());
        }
        var frontSet = call("PUT", "/fronts/home", editorToken, "{\"slots\": [{\"article_id\": " + correctedId + ", \"pinned_until\": null}]}");
        assertThat(frontSet.status()).isEqualTo(200);
        conforms("/fronts/{front}", "put", frontSet);
        conforms("/fronts/{front}", "put", call("PUT", "/fronts/home", editorToken, "{\"slots\": [{\"article_id\": " + draftId + "}]}")); // killed: 422
        conforms("/fronts/{front}", "put", call("PUT", "/fronts/home", readToken, "{\"slots\": []}"));
        covered.add("setFront");
        var front = call("GET", "/fronts/home", readToken, null);
        assertThat(front.body().get("slots").get(0).get("article_id").asLong()).isEqualTo(correctedId);
        conforms("/fronts/{front}", "get", front);
        conforms("/fronts/{front}", "get", call("GET", "/fronts/nowhere", readToken, null));
        covered.add("getFront");
        var authorSlug = call("GET", "/authors", readToken, null).body().get("items").get(0).get("slug").asText();
        var profile = call("PUT", "/authors/" + authorSlug, editorToken, "{\"bio\": \"Covers the harbour.\", \"job_title\": \"Harbour reporter\","
            + " \"links\": [\"https://social.example/@reporter\"], \"photo_id\": null}");
        assertThat(profile.status()).as(profile.body().toString()).isEqualTo(200);
        conforms("/authors/{slug}", "put", profile);
        conforms("/authors/{slug}", "put", call("PUT", "/authors/" + authorSlug, editorToken, "{\"links\": [\"javascript:alert(1)\"]}")); // 422
        conforms("/authors/{slug}", "put", call("PUT", "/authors/no-such-author", editorToken, "{}"));
        covered.add("updateAuthor");
        var author = call("GET", "/authors/" + authorSlug, readToken, null);
        assertThat(author.body().get("job_title").asText()).isEqualTo("Harbour reporter");
        conforms("/authors/{slug}", "get", author);
        conforms("/authors/{slug}", "get", call("GET", "/authors/no-such-author", readToken, null));
        covered.add("getAuthor");
        var pageCreated = call("POST", "/pages", editorToken, "{\"title\": \"About us\", \"slug\": \"about\", \"body_html\": \"<p>Who we are.</p><script>x()</script>\"}");
        assertThat(pageCreated.status()).isEqualTo(201);
        assertThat(pageCreated.body().get("url").asText()).endsWith("/about/");
        assertThat(pageCreated.body().get("body_html").asText()).isEqualTo("<p>Who we are.</p>");
        conforms("/pages", "post", pageCreated);
        conforms("/pages", "post", call("POST", "/pages", editorToken, "{\"title\": \"Clash\", \"slug\": \"news\"}")); // a section's address: 422
        conforms("/pages", "post", call("POST", "/pages", readToken, "{\"title\": \"x\"}"));
        covered.add("createPage");
        long pageId = pageCreated.body().get("id").asLong();
        conforms("/pages/{id}", "get", call("GET", "/pages/" + pageId, readToken, null));
        conforms("/pages/{id}", "get", call("GET", "/pages/999999", readToken, null));
        covered.add("getPage");
        var pageList = call("GET", "/pages", readToken, null);
        assertThat(pageList.body().get("items")).hasSize(1);
        conforms("/pages", "get", pageList);
        covered.add("listPages");
        var pageSaved = call("PUT", "/pages/" + pageId, editorToken, "{\"revision\": 1, \"title\": \"About the Masthead\"}");
        assertThat(pageSaved.body().get("revision").asInt()).isEqualTo(2);
        conforms("/pages/{id}", "put", pageSaved);
        conforms("/pages/{id}", "put", call("PUT", "/pages/" + pageId, editorToken, "{\"revision\": 1, \"title\": \"Stale\"}")); // 409
        covered.add("updatePage");
        conforms("/pages/{id}", "delete", call("DELETE", "/pages/999999", editorToken, null));
        var deleted = call("DELETE", "/pages/" + pageId, editorToken, null);
        assertThat(deleted.status()).isEqualTo(204);
        conforms("/pages/{id}", "delete", deleted);
        covered.add("deletePage");
        var wireDoc = java.nio.file.Files.readString(org.masthead.testing.Testdata.resolve("ninjs/examples/3.0/dpa_text.json"));
        var added = call("POST", "/ingest", editorToken, wireDoc);
        assertThat(added.status()).isEqualTo(201);
        conforms("/ingest", "post", added);
        conforms("/ingest", "post", call("POST", "/ingest", editorToken, wireDoc));
        var event = call("POST", "/ingest", editorToken, java.nio.file.Files.readString(org.masthead.testing.Testdata.resolve("ninjs/examples/3.0/simpleEvent.json")));
        assertThat(event.status()).isEqualTo(422);
        conforms("/ingest", "post", event);
        conforms("/ingest", "post", call("POST", "/ingest", readToken, wireDoc));
        covered.add("ingestWire");
        conforms("/search", "get", call("GET", "/search?q=harbour", null, null));
        conforms("/search", "get", call("GET", "/search?q=x&page=99", null, null));
        covered.add("searchArticles");
        conforms("/popular", "get", call("GET", "/popular?window=24h", null, null));
        conforms("/popular", "get", call("GET", "/popular?window=2h", null, null));
        covered.add("popular");
        var photo = app.services().uploads().upload(Fixtures.jpeg(300, 200, 2), new org.masthead.media.PhotoText("c", "", "", "", "", ""), null);
        conforms("/photos/{id}", "get", call("GET", "/photos/" + photo.id(), readToken, null));
        conforms("/photos/{id}", "get", call("GET", "/photos/123456", readToken, null));
        covered.add("getPhoto");
        var photos = call("GET", "/photos?q=c", readToken, null);
        conforms("/photos", "get", photos);
        assertThat(photos.body().get("items")).isNotEmpty();
        conforms("/photos", "get", call("GET", "/photos?page=0", readToken, null));
        covered.add("listPhotos");
        for (var file : new byte[][] {Fixtures.jpeg(320, 240, 3), "not an image".getBytes()}) {
            var boundary = "----c" + System.nanoTime();
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.jpg\"\r\n\r\n").getBytes());
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
            var res = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/photos")).header("Authorization", "Bearer " + editorToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
            conforms("/photos", "post", new Call(res.statusCode(), json.readTree(res.body()), res.headers().firstValue("Content-Type").orElse("")));
        }
        covered.add("uploadPhoto");

        Set<String> documented = new HashSet<>();
        openapi.get("paths").forEach(p -> p.forEach(op -> documented.add(op.get("operationId").asText())));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(documented);
        assertThat(openapi.get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void filters_narrow_the_list() throws Exception {
        var news = call("GET", "/articles?section=news", readToken, null).body().get("items");
        news.forEach(a -> assertThat(a.get("section").asText()).isEqualTo("news"));
        var tagged = call("GET", "/articles?tag=harbour&limit=100", readToken, null).body().get("items");
        assertThat(tagged.size()).isGreaterThanOrEqualTo(5);
        var byAuthor = call("GET", "/articles?author=clara-wren&limit=100", readToken, null).body().get("items");
        assertThat(byAuthor.size()).isGreaterThanOrEqualTo(5);
        assertThat(call("GET", "/articles?updated_since=2999-01-01T00:00:00Z", readToken, null).body().get("items")).isEmpty();
        assertThat(call("GET", "/articles?updated_since=yesterday", readToken, null).status()).isEqualTo(400);
        assertThat(call("GET", "/articles?cursor=garbage!", readToken, null).status()).isEqualTo(400);
        var unknown = call("GET", "/nothing-here", readToken, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
