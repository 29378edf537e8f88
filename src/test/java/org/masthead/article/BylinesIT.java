package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Issue 10, no wrong credit: nobody is bylined by default, and a new name is created on purpose, not by a typo. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BylinesIT {
    TestApp app;
    Browser desk;
    long news;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        desk = app.signedIn("wire-desk@example.com", Role.EDITOR);
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
        Fixtures.knownAuthors(app, "Clara Wren");
    }

    @AfterAll
    void stop() { app.close(); }

    int authors() { return app.services().articles().listNames("author").size(); }

    @Test
    void wire_copy_posted_by_a_desk_editor_is_not_credited_to_them_issue_10() throws Exception {
        var form = new HashMap<>(Fixtures.articleForm(news, "Wire: quake hits the coast", Map.of("bylines", "", "action", "publish")));
        desk.get("/newsroom/articles/new");
        var asked = desk.post("/newsroom/articles", form);
        assertThat(asked.status()).isEqualTo(400);
        assertThat(asked.body()).contains("Who wrote this?").contains("Wire: quake hits the coast");
        assertThat(app.services().articles().listPublished(null, 50, 0)).noneMatch(a -> a.headline().equals("Wire: quake hits the coast"));
        form.put("no_byline", "1");
        var saved = desk.post("/newsroom/articles", form);
        assertThat(saved.status()).isEqualTo(303);
        long id = Long.parseLong(saved.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        var a = app.services().articles().find(id).orElseThrow();
        assertThat(a.authors()).isEmpty();
        assertThat(app.browser().get(a.path()).body()).doesNotContain("class=\"author\"").doesNotContain("wire-desk");
        // Nor through the API: a story sent without bylines has none, not the token owner's.
        var token = Api.token(app.signedIn("wire-admin@example.com", Role.ADMIN), "editor");
        var created = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/api/v1/articles"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"headline\": \"Wire via the API\", \"section\": \"news\"}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.body()).contains("\"bylines\":[]");
    }

    @Test
    void a_misspelt_byline_is_not_a_new_person_until_it_is_confirmed_issue_10() {
        int before = authors();
        var form = new HashMap<>(Fixtures.articleForm(news, "Harbour wall repaired", Map.of("bylines", "Clara Wern", "confirm_new_names", "")));
        desk.get("/newsroom/articles/new");
        var asked = desk.post("/newsroom/articles", form);
        assertThat(asked.status()).isEqualTo(400);
        assertThat(asked.body()).contains("“Clara Wern” is a new byline. Check the spelling, then save again to create it.")
            .contains("name=\"confirm_new_names\" value=\"Clara Wern\"").contains("<option value=\"Clara Wren\">");
        assertThat(authors()).as("no author from a typo").isEqualTo(before);
        // Fixed: the existing person is credited, nobody new is made.
        form.put("bylines", "Clara Wren");
        assertThat(desk.post("/newsroom/articles", form).status()).isEqualTo(303);
        assertThat(authors()).isEqualTo(before);
        // Really new: confirmed on the second send, it is created.
        var fresh = new HashMap<>(Fixtures.articleForm(news, "Ferry strike ends", Map.of("bylines", "Joaquín Nuñez", "confirm_new_names", "")));
        desk.get("/newsroom/articles/new");
        assertThat(desk.post("/newsroom/articles", fresh).status()).isEqualTo(400);
        fresh.put("confirm_new_names", "Joaquín Nuñez");
        assertThat(desk.post("/newsroom/articles", fresh).status()).isEqualTo(303);
        assertThat(authors()).isEqualTo(before + 1);
    }

    @Test
    void a_misspelt_tag_is_not_a_new_topic_until_it_is_confirmed_and_case_makes_no_new_tag_issue_10() {
        Fixtures.knownTags(app, "Budget");
        int before = app.services().articles().listNames("tag").size();
        var form = new HashMap<>(Fixtures.articleForm(news, "Budget vote tonight", Map.of("tags", "budget, Budjet", "confirm_new_tags", "")));
        desk.get("/newsroom/articles/new");
        var asked = desk.post("/newsroom/articles", form);
        assertThat(asked.status()).isEqualTo(400);
        assertThat(asked.body()).contains("“Budjet” is a new tag.").doesNotContain("“budget”").contains("name=\"confirm_new_tags\" value=\"Budjet\"");
        assertThat(app.services().articles().listNames("tag")).hasSize(before);
        form.put("tags", "budget");
        assertThat(desk.post("/newsroom/articles", form).status()).isEqualTo(303);
        assertThat(app.services().articles().listNames("tag")).hasSize(before);
    }
}
