package org.masthead.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Api;
import org.masthead.testing.Browser;
import org.masthead.testing.TestApp;
import org.masthead.testing.Testdata;

/** Issue 11, wire ingest: push, queue, use with credited photos, versions and kills that shout on the story, duplicates folded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WireIT {
    static final ObjectMapper JSON = new ObjectMapper();
    TestApp app;
    HttpServer photos;
    Browser editor;
    String editorToken;
    String otherFeedToken;

    abstract Database.Engine engine();

    @BeforeAll
    void start() throws Exception {
        app = TestApp.start(engine(), Map.of("http.allow-private-targets", "true")); // the photo server below is on loopback
        photos = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var reference = Files.readAllBytes(Testdata.resolve("photos/iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg"));
        photos.createContext("/ref.jpg", x -> {
            x.getResponseHeaders().add("Content-Type", "image/jpeg");
            x.sendResponseHeaders(200, reference.length);
            x.getResponseBody().write(reference);
            x.close();
        });
        photos.start();
        var admin = app.signedIn("wire-admin@example.com", Role.ADMIN);
        editor = app.signedIn("wire-editor@example.com", Role.EDITOR);
        editorToken = Api.token(admin, "editor");
        otherFeedToken = Api.token(admin, "editor");
    }

    @AfterAll
    void stop() {
        photos.stop(0);
        app.close();
    }

    ObjectNode item(String uri, int version, String status) {
        var n = JSON.createObjectNode();
        n.put("uri", uri).put("type", "text").put("version", String.valueOf(version)).put("versionCreated", "2026-12-01T10:00:00Z")
            .put("pubStatus", status).put("language", "ar").put("urgency", 2).put("by", "By سارة الخطيب").put("located", "عمّان");
        n.putArray("headlines").addObject().put("role", "main").put("value", "عاصفة تضرب الساحل — الإصدار " + version);
        n.putArray("bodies").addObject().put("role", "main").put("contentType", "text/plain").put("value", "الفقرة الأولى.\n\nالفقرة الثانية " + uri);
        var a = n.putArray("associations").addObject().put("name", "main-photo").put("type", "picture").put("uri", "urn:photo:1").put("by", "Ahmad Wire");
        a.putArray("descriptions").addObject().put("role", "caption").put("value", "Waves hit the sea wall.");
        a.put("copyrightHolder", "WIRE AGENCY/Ahmad Wire");
        a.putArray("renditions").addObject().put("name", "original").put("href", "http://127.0.0.1:" + photos.getAddress().getPort() + "/ref.jpg")
            .put("contentType", "image/jpeg").put("width", 2000).put("height", 1000);
        return n;
    }

    com.fasterxml.jackson.databind.JsonNode push(String token, Object doc) throws Exception {
        var res = Api.call(app.baseUrl(), "POST", "/api/v1/ingest", token, doc instanceof String s ? s : JSON.writeValueAsString(doc));
        assertThat(res.statusCode()).as(res.body()).isIn(200, 201, 422);
        return JSON.readTree(res.body());
    }

    @Test
    void an_item_is_queued_used_as_a_credited_draft_and_a_later_version_and_a_kill_shout_on_its_story_issue_11() throws Exception {
        var first = push(editorToken, item("urn:wire:storm", 1, "usable")).get("results").get(0);
        assertThat(first.get("outcome").asText()).isEqualTo("added");
        long id = first.get("id").asLong();
        assertThat(push(editorToken, item("urn:wire:storm", 1, "usable")).get("results").get(0).get("outcome").asText()).isEqualTo("unchanged");
        var queue = editor.get("/newsroom/wire");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("عاصفة تضرب الساحل").contains("2 (urgent)");
        var page = editor.get("/newsroom/wire/" + id);
        assertThat(page.body()).contains("WIRE AGENCY/Ahmad Wire").contains("Waves hit the sea wall.").contains("Use as a draft");
        var used = editor.post("/newsroom/wire/" + id + "/use", Map.of());
        assertThat(used.status()).as(used.body()).isEqualTo(303);
        long story = Long.parseLong(used.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        var article = app.services().articles().find(story).orElseThrow();
        assertThat(article.headline()).isEqualTo("عاصفة تضرب الساحل — الإصدار 1");
        assertThat(article.authors()).extracting(a -> a.displayName()).containsExactly("سارة الخطيب");
        assertThat(article.dateline()).isEqualTo("عمّان");
        assertThat(article.language()).isEqualTo("ar");
        assertThat(article.bodyHtml()).contains("<p>الفقرة الأولى.</p>");
        assertThat(article.leadPhoto()).isNotNull();
        assertThat(article.leadPhoto().credit()).as("credited from the wire").isEqualTo("WIRE AGENCY/Ahmad Wire");
        assertThat(article.leadPhoto().caption()).isEqualTo("Waves hit the sea wall.");
        assertThat(app.services().uploads().find(article.leadPhoto().id()).orElseThrow().creator()).isEqualTo("Ahmad Wire");
        assertThat(editor.get(used.header("Location")).body()).contains("Draft made from the wire");
        var ninjs = Api.call(app.baseUrl(), "GET", "/api/v1/articles/" + story + "?format=ninjs", editorToken, null);
        var out = JSON.readTree(ninjs.body());
        assertThat(NinjsReader.violations(out, "3.0")).as(ninjs.body()).isEmpty();
        assertThat(out.at("/associations/0/copyrightHolder").asText()).isEqualTo("WIRE AGENCY/Ahmad Wire");
        assertThat(out.at("/by").asText()).isEqualTo("سارة الخطيب");
        // A second use answers with the same story; the item no longer offers Use.
        assertThat(editor.post("/newsroom/wire/" + id + "/use", Map.of()).header("Location")).startsWith("/newsroom/articles/" + story);
        // Version 2: the queue item updates and the story is flagged.
        var v2 = push(editorToken, item("urn:wire:storm", 2, "usable")).get("results").get(0);
        assertThat(v2.get("outcome").asText()).isEqualTo("updated");
        assertThat(editor.get("/newsroom/articles/" + story).body()).contains("The wire sent version 2");
        // A kill: loud on the story and the queue.
        var kill = push(editorToken, item("urn:wire:storm", 3, "canceled")).get("results").get(0);
        assertThat(kill.get("flag").asText()).startsWith("KILL");
        assertThat(editor.get("/newsroom/articles/" + story).body()).contains("KILL: the wire withdrew");
        assertThat(editor.get("/newsroom/wire").body()).contains("WITHDRAWN by the wire");
    }

    @Test
    void the_same_story_from_another_feed_is_folded_a_killed_item_cannot_be_used_and_bad_input_is_refused_with_reasons_issue_11() throws Exception {
        var original = push(editorToken, item("urn:feed-a:quake", 1, "usable")).get("results").get(0);
        var twin = item("urn:feed-b:quake-copy", 1, "usable");
        ((ObjectNode) twin.get("bodies").get(0)).put("value", "الفقرة الأولى.\n\nالفقرة الثانية urn:feed-a:quake");
        var folded = push(otherFeedToken, twin).get("results").get(0);
        assertThat(folded.get("outcome").asText()).isEqualTo("folded");
        assertThat(folded.get("id").asLong()).isEqualTo(original.get("id").asLong());
        int rows = app.services().db().read(h -> h.createQuery("select count(*) from wire_item where guid like 'urn:feed-%'").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
        var killed = push(editorToken, item("urn:wire:withdrawn", 1, "canceled")).get("results").get(0);
        var refused = editor.post("/newsroom/wire/" + killed.get("id").asLong() + "/use", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("withdrew");
        // NewsML-G2 in, with its picture's words; a planning item and junk are refused with the reason.
        var g2 = push(editorToken, Files.readString(Testdata.resolve("newsml-g2/examples/LISTING_3_Photo_in_NewsML-G2.xml"))).get("results").get(0);
        assertThat(g2.get("outcome").asText()).isEqualTo("added");
        assertThat(editor.get("/newsroom/wire/" + g2.get("id").asLong()).body()).contains("Getty Images");
        var planning = push(editorToken, Files.readString(Testdata.resolve("newsml-g2/examples/LISTING_17_Planning_Item_a_CCL.xml")));
        assertThat(planning.get("status").asInt()).isEqualTo(422);
        assertThat(planning.get("detail").asText()).contains("planningItem");
        var hostile = push(editorToken, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><newsItem>&e;</newsItem>");
        assertThat(hostile.get("detail").asText()).doesNotContain("root:").contains("DOCTYPE");
        assertThat(push(editorToken, "not a document").get("status").asInt()).isEqualTo(422);
        assertThat(editor.get("/newsroom/wire/999999").status()).isEqualTo(404);
        var dismissed = editor.post("/newsroom/wire/" + g2.get("id").asLong() + "/dismiss", Map.of());
        assertThat(dismissed.status()).isEqualTo(303);
        assertThat(editor.get("/newsroom/wire").body()).doesNotContain("/newsroom/wire/" + g2.get("id").asLong() + "\"");
    }
}
