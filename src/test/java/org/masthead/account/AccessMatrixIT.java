package org.masthead.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.app.App;
import org.masthead.db.Database;
import org.masthead.http.Access;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/**
 * Issue 8: every route declares who may use it, and every route answers each kind of caller as its
 * declaration says: signed out, contributor (their own and someone else's article), editor, admin,
 * a disabled user, a revoked token, and a read token attempting a write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessMatrixIT {
    TestApp app;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Browser signedOut;
    Browser contributor;
    Browser editor;
    Browser admin;
    Browser disabled;
    String readToken;
    String editorToken;
    String revokedToken;
    long ownArticle;
    long othersArticle;
    long photo;
    String articlePath;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        articlePath = PublishedSite.publish(app, 1);
        signedOut = app.browser();
        contributor = app.signedIn("m-contrib@example.com", Role.CONTRIBUTOR);
        editor = app.signedIn("m-editor@example.com", Role.EDITOR);
        admin = app.signedIn("m-admin@example.com", Role.ADMIN);
        disabled = app.signedIn("m-disabled@example.com", Role.ADMIN);
        readToken = token("read");
        editorToken = token("editor");
        revokedToken = token("read");
        var revokedId = app.services().db().read(h -> h.createQuery("select max(id) from api_token").mapTo(Long.class).one());
        assertThat(admin.post("/newsroom/tokens/" + revokedId + "/revoke", Map.of()).status()).isEqualTo(303);
        var news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
        ownArticle = id(contributor.post("/newsroom/articles", Fixtures.articleForm(news, "Contributor's own draft", Map.of())));
        othersArticle = id(editor.post("/newsroom/articles", Fixtures.articleForm(news, "Editor's draft", Map.of())));
        photo = app.services().uploads().upload(Fixtures.jpeg(320, 200, 77), new org.masthead.media.PhotoText("c", "", "", "", "", ""), null).id();
        var disabledUser = app.services().users().findByEmail("m-disabled@example.com").orElseThrow();
        app.services().accounts().setDisabled(disabledUser.id(), true);
    }

    @AfterAll
    void stop() { app.close(); }

    String token(String scope) { return org.masthead.testing.Api.token(admin, scope); }

    static long id(Browser.Response res) {
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    @Test
    void every_registered_route_declares_exactly_one_access_rule_issue_8() {
        var missing = app.routes().stream().filter(r -> r.roles().size() != 1 || !(r.roles().iterator().next() instanceof Access))
            .map(r -> r.method() + " " + r.path()).toList();
        assertThat(missing).as("routes without a declared Access").isEmpty();
        assertThat(app.routes()).hasSizeGreaterThan(60);
    }

    /** Who may use each newsroom, API and operations route: the specification the route tables must match. */
    static final Map<String, Access> SPEC = Map.ofEntries(
        Map.entry("GET /newsroom", Access.CONTRIBUTOR), Map.entry("GET /newsroom/articles", Access.CONTRIBUTOR),
        Map.entry("GET /newsroom/articles/new", Access.CONTRIBUTOR), Map.entry("POST /newsroom/articles", Access.CONTRIBUTOR),
        Map.entry("GET /newsroom/articles/{id}", Access.CONTRIBUTOR), Map.entry("POST /newsroom/articles/{id}", Access.CONTRIBUTOR),
        Map.entry("POST /newsroom/articles/{id}/move", Access.CONTRIBUTOR), Map.entry("POST /newsroom/articles/{id}/corrections", Access.EDITOR),
        Map.entry("POST /api/v1/articles/{id}/corrections", Access.API_EDITOR),
        Map.entry("POST /newsroom/articles/{id}/preview-link", Access.CONTRIBUTOR), Map.entry("POST /newsroom/articles/{id}/checks/dismiss", Access.EDITOR),
        Map.entry("GET /api/v1/articles/{id}/checks", Access.API_READ), Map.entry("POST /newsroom/autosave/{id}", Access.CONTRIBUTOR),
        Map.entry("GET /newsroom/desk", Access.EDITOR), Map.entry("GET /newsroom/inbox", Access.CONTRIBUTOR),
        Map.entry("POST /newsroom/articles/{id}/notes", Access.CONTRIBUTOR), Map.entry("POST /newsroom/articles/{id}/assign", Access.EDITOR), Map.entry("POST /api/v1/articles/{id}/preview-link", Access.API_EDITOR),
        Map.entry("GET /newsroom/articles/{id}/revisions", Access.CONTRIBUTOR), Map.entry("POST /newsroom/articles/{id}/revisions/{n}/restore", Access.CONTRIBUTOR),
        Map.entry("GET /api/v1/articles/{id}/revisions", Access.API_READ), Map.entry("GET /api/v1/articles/{id}/revisions/{n}", Access.API_READ),
        Map.entry("POST /api/v1/articles/{id}/revisions/{n}/restore", Access.API_EDITOR),
        Map.entry("POST /api/v1/articles/{id}/schedule", Access.API_EDITOR), Map.entry("DELETE /api/v1/articles/{id}/schedule", Access.API_EDITOR),
        Map.entry("POST /api/v1/articles/{id}/submit", Access.API_EDITOR), Map.entry("POST /api/v1/articles/{id}/approve", Access.API_EDITOR),
        Map.entry("POST /api/v1/articles/{id}/send-back", Access.API_EDITOR), Map.entry("POST /api/v1/articles/{id}/kill", Access.API_EDITOR),
        Map.entry("GET /newsroom/popular", Access.CONTRIBUTOR),
        Map.entry("GET /newsroom/photos", Access.CONTRIBUTOR), Map.entry("GET /newsroom/photos/upload", Access.CONTRIBUTOR),
        Map.entry("POST /newsroom/photos", Access.CONTRIBUTOR), Map.entry("GET /newsroom/photos/{id}", Access.CONTRIBUTOR),
        Map.entry("POST /newsroom/photos/{id}", Access.EDITOR),
        Map.entry("GET /newsroom/sign-in", Access.SIGNED_OUT), Map.entry("POST /newsroom/sign-in", Access.SIGNED_OUT),
        Map.entry("POST /newsroom/sign-out", Access.CONTRIBUTOR),
        Map.entry("GET /newsroom/users", Access.ADMIN), Map.entry("POST /newsroom/users", Access.ADMIN),
        Map.entry("POST /newsroom/users/{id}/disable", Access.ADMIN), Map.entry("POST /newsroom/users/{id}/enable", Access.ADMIN),
        Map.entry("POST /newsroom/users/{id}/sections", Access.ADMIN), Map.entry("POST /newsroom/users/{id}/role", Access.ADMIN),
        Map.entry("POST /newsroom/users/{id}/reset-link", Access.ADMIN), Map.entry("POST /newsroom/users/invite", Access.ADMIN),
        Map.entry("GET /newsroom/welcome/{token}", Access.SIGNED_OUT), Map.entry("POST /newsroom/welcome/{token}", Access.SIGNED_OUT),
        Map.entry("GET /newsroom/tokens", Access.ADMIN), Map.entry("POST /newsroom/tokens", Access.ADMIN),
        Map.entry("POST /newsroom/tokens/{id}/revoke", Access.ADMIN),
        Map.entry("GET /newsroom/webhooks", Access.ADMIN), Map.entry("POST /newsroom/webhooks", Access.ADMIN),
        Map.entry("POST /newsroom/webhooks/{id}/remove", Access.ADMIN), Map.entry("GET /newsroom/names", Access.ADMIN),
        Map.entry("GET /newsroom/audit", Access.ADMIN), Map.entry("GET /newsroom/audit.csv", Access.ADMIN),
        Map.entry("GET /api/v1/articles", Access.API_READ), Map.entry("POST /api/v1/articles", Access.API_EDITOR),
        Map.entry("GET /api/v1/articles/by-path", Access.API_READ), Map.entry("GET /api/v1/articles/{id}", Access.API_READ),
        Map.entry("PUT /api/v1/articles/{id}", Access.API_EDITOR), Map.entry("POST /api/v1/articles/{id}/publish", Access.API_EDITOR),
        Map.entry("POST /api/v1/articles/{id}/unpublish", Access.API_EDITOR), Map.entry("GET /api/v1/sections", Access.API_READ),
        Map.entry("GET /api/v1/tags", Access.API_READ), Map.entry("GET /api/v1/authors", Access.API_READ),
        Map.entry("GET /api/v1/photos", Access.API_READ), Map.entry("POST /api/v1/photos", Access.API_EDITOR),
        Map.entry("GET /api/v1/photos/{id}", Access.API_READ),
        Map.entry("GET /api/v1/popular", Access.ANYONE), Map.entry("GET /api/v1/openapi.json", Access.ANYONE),
        Map.entry("GET /newsroom/photos/picker", Access.CONTRIBUTOR), Map.entry("GET /newsroom/embeds", Access.CONTRIBUTOR), Map.entry("GET /newsroom/fronts", Access.EDITOR), Map.entry("GET /newsroom/fronts/{front}", Access.EDITOR),
        Map.entry("POST /newsroom/fronts/{front}", Access.EDITOR), Map.entry("GET /api/v1/fronts/{front}", Access.API_READ),
        Map.entry("PUT /api/v1/fronts/{front}", Access.API_EDITOR), Map.entry("GET /api/v1/authors/{slug}", Access.API_READ),
        Map.entry("PUT /api/v1/authors/{slug}", Access.API_EDITOR),
        Map.entry("GET /api/v1/pages", Access.API_READ), Map.entry("POST /api/v1/pages", Access.API_EDITOR),
        Map.entry("GET /api/v1/pages/{id}", Access.API_READ), Map.entry("PUT /api/v1/pages/{id}", Access.API_EDITOR),
        Map.entry("DELETE /api/v1/pages/{id}", Access.API_EDITOR), Map.entry("GET /newsroom/pages", Access.EDITOR),
        Map.entry("GET /newsroom/pages/new", Access.EDITOR), Map.entry("POST /newsroom/pages", Access.EDITOR),
        Map.entry("GET /newsroom/pages/{id}", Access.EDITOR), Map.entry("POST /newsroom/pages/{id}", Access.EDITOR),
        Map.entry("POST /newsroom/pages/{id}/delete", Access.EDITOR), Map.entry("GET /newsroom/wire", Access.EDITOR),
        Map.entry("GET /newsroom/wire/{id}", Access.EDITOR), Map.entry("POST /newsroom/wire/{id}/use", Access.EDITOR),
        Map.entry("POST /newsroom/wire/{id}/dismiss", Access.EDITOR), Map.entry("POST /api/v1/ingest", Access.API_EDITOR), Map.entry("GET /api/v1/search", Access.ANYONE),
        Map.entry("GET /newsroom/import", Access.ADMIN), Map.entry("POST /newsroom/import", Access.ADMIN), Map.entry("GET /newsroom/import/{id}", Access.ADMIN),
        Map.entry("GET /newsroom/import/{id}/status", Access.ADMIN), Map.entry("GET /newsroom/sections", Access.ADMIN),
        Map.entry("POST /newsroom/sections", Access.ADMIN), Map.entry("GET /newsroom/authors", Access.EDITOR),
        Map.entry("GET /newsroom/authors/{slug}", Access.EDITOR), Map.entry("POST /newsroom/authors/{slug}", Access.EDITOR), Map.entry("GET /newsroom/settings", Access.ADMIN), Map.entry("POST /newsroom/settings", Access.ADMIN), Map.entry("POST /newsroom/sections/{id}", Access.ADMIN),
        Map.entry("GET /_/health", Access.ANYONE), Map.entry("GET /_/metrics", Access.OPS));

    @Test
    void newsroom_api_and_operations_routes_declare_what_the_specification_says_issue_8() {
        var declared = new java.util.TreeMap<String, Access>();
        for (var r : app.routes()) {
            if (r.path().startsWith("/newsroom") || r.path().startsWith("/api/") || r.path().startsWith("/_/")) {
                declared.put(r.method() + " " + r.path(), (Access) r.roles().iterator().next());
            }
        }
        assertThat(declared).isEqualTo(new java.util.TreeMap<>(SPEC));
        var others = app.routes().stream().filter(r -> !r.path().startsWith("/newsroom") && !r.path().startsWith("/api/") && !r.path().startsWith("/_/"))
            .filter(r -> r.roles().iterator().next() != Access.ANYONE).map(r -> r.method() + " " + r.path()).toList();
        assertThat(others).as("reader routes are for anyone").isEmpty();
    }

    /** A concrete URL for a route pattern. */
    String concrete(App.Route r, boolean ownArticleOfContributor) {
        var p = r.path();
        var section = articlePath.split("/")[1];
        var slug = articlePath.split("/")[2];
        return p.replace("{n}", "1").replace("{front}", "home").replace("/newsroom/articles/{id}", "/newsroom/articles/" + (ownArticleOfContributor ? ownArticle : othersArticle))
            .replace("/api/v1/articles/{id}", "/api/v1/articles/" + othersArticle)
            .replace("/newsroom/photos/{id}", "/newsroom/photos/" + photo).replace("/api/v1/photos/{id}", "/api/v1/photos/" + photo)
            .replace("/newsroom/users/{id}", "/newsroom/users/999999").replace("/newsroom/tokens/{id}", "/newsroom/tokens/999999")
            .replace("/newsroom/webhooks/{id}", "/newsroom/webhooks/999999")
            .replace("/newsroom/pages/{id}", "/newsroom/pages/999999").replace("/newsroom/sections/{id}", "/newsroom/sections/999999").replace("/newsroom/authors/{slug}", "/newsroom/authors/clara-wren").replace("/api/v1/pages/{id}", "/api/v1/pages/999999").replace("/newsroom/wire/{id}", "/newsroom/wire/999999").replace("/newsroom/import/{id}", "/newsroom/import/999999")
            .replace("/media/r/{sha}/{name}", "/media/r/0/w320.jpg").replace("/media/{file}", "/media/none.jpg")
            .replace("/feeds/{kind}/{file}", "/feeds/section/news.rss").replace("/feeds/{file}", "/feeds/all.rss")
            .replace("/sitemaps/{file}", "/sitemaps/sections.xml").replace("/webjars/<path>", "/webjars/tinymce/6.8.3/tinymce.min.js")
            .replace("/assets/{name}", "/assets/site.css").replace("/preview/{token}", "/preview/1.1.x").replace("/newsroom/welcome/{token}", "/newsroom/welcome/none").replace("/newsroom/autosave/{id}", "/newsroom/autosave/0").replace("/tag/{slug}", "/tag/harbour").replace("/author/{slug}", "/author/clara-wren").replace("/api/v1/authors/{slug}", "/api/v1/authors/clara-wren")
            .replace("/{section}/{slug}", "/" + section + "/" + slug).replace("/{section}", "/" + section);
    }

    record Caller(String name, Browser browser, String token) {}

    record Outcome(int status, String location) {}

    Outcome call(Caller c, String method, String url) throws Exception {
        if (c.browser() != null) {
            var res = switch (method) {
                case "GET" -> c.browser().get(url);
                case "POST" -> c.browser().post(url, Map.of());
                default -> throw new IllegalStateException(method + " from a browser");
            };
            return new Outcome(res.status(), res.header("Location"));
        }
        var b = HttpRequest.newBuilder(URI.create(app.baseUrl() + url));
        if (c.token() != null) b.header("Authorization", "Bearer " + c.token());
        if (method.equals("GET")) b.GET();
        else b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        var res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(res.statusCode(), res.headers().firstValue("Location").orElse(null));
    }

    /** What {@code caller} must get from a route declared {@code access}: "allow", or the exact refusal. */
    static String expected(Access access, String caller, String method) {
        boolean get = method.equals("GET");
        return switch (access) {
            case ANYONE, SIGNED_OUT, OPS -> "allow";
            case CONTRIBUTOR, EDITOR, ADMIN -> switch (caller) {
                case "signed out", "disabled user", "read token", "editor token", "revoked token" -> get ? "302 /newsroom/sign-in" : "401";
                case "contributor" -> access == Access.CONTRIBUTOR ? "allow" : "403";
                case "editor" -> access == Access.ADMIN ? "403" : "allow";
                default -> "allow"; // admin
            };
            case API_READ, API_EDITOR -> switch (caller) {
                case "read token" -> access == Access.API_EDITOR ? "403" : "allow";
                case "editor token" -> "allow";
                default -> "401"; // no token, a session cookie is no API credential, a revoked token
            };
        };
    }

    @Test
    void every_route_answers_every_kind_of_caller_as_it_declares_issue_8() throws Exception {
        var callers = List.of(new Caller("signed out", signedOut, null), new Caller("contributor", contributor, null),
            new Caller("editor", editor, null), new Caller("admin", admin, null), new Caller("disabled user", disabled, null),
            new Caller("read token", null, readToken), new Caller("editor token", null, editorToken), new Caller("revoked token", null, revokedToken));
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var r : app.routes()) {
            if (r.path().equals("/newsroom/sign-out") || r.path().equals("/newsroom/sign-in") && r.method().equals("POST")) continue; // below
            if (r.path().startsWith("/newsroom/welcome/") && r.method().equals("POST")) continue; // its own CSRF check, as sign-in: UserAdminIT
            if (r.path().endsWith("/kill")) continue; // a kill is not undone by the next caller; WorkflowIT checks who may kill
            if (!r.method().equals("GET") && !r.method().equals("POST") && !r.method().equals("PUT") && !r.method().equals("DELETE")) continue;
            var access = (Access) r.roles().iterator().next();
            for (var c : callers) {
                if (c.browser() != null && (r.method().equals("PUT") || r.method().equals("DELETE"))) continue; // API callers cover these
                var url = concrete(r, c.name().equals("contributor"));
                var want = expected(access, c.name(), r.method());
                var got = call(c, r.method(), url);
                boolean ok = switch (want) {
                    case "allow" -> got.status() != 401 && got.status() != 403 && got.status() < 500
                        && !(got.status() == 302 && "/newsroom/sign-in".equals(got.location()));
                    case "302 /newsroom/sign-in" -> got.status() == 302 && "/newsroom/sign-in".equals(got.location());
                    default -> got.status() == Integer.parseInt(want);
                };
                checked++;
                if (!ok) failures.add(r.method() + " " + url + " as " + c.name() + ": wanted " + want + ", got " + got.status());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void a_contributor_gets_their_own_article_but_not_someone_elses_issue_8() {
        assertThat(contributor.get("/newsroom/articles/" + ownArticle).status()).isEqualTo(200);
        assertThat(contributor.get("/newsroom/articles/" + othersArticle).status()).isEqualTo(404);
        assertThat(contributor.post("/newsroom/articles/" + othersArticle, Map.of("headline", "x")).status()).isEqualTo(404);
        assertThat(editor.get("/newsroom/articles/" + ownArticle).status()).isEqualTo(200);
    }

    @Test
    void signing_out_needs_a_session_and_the_csrf_token_issue_8() {
        assertThat(signedOut.post("/newsroom/sign-out", Map.of()).status()).isEqualTo(401);
        var someone = app.signedIn("m-leaver@example.com", Role.CONTRIBUTOR);
        assertThat(someone.post("/newsroom/sign-out", Map.of(), false).status()).isEqualTo(403);
        assertThat(someone.post("/newsroom/sign-out", Map.of()).status()).isEqualTo(302);
        assertThat(someone.get("/newsroom/articles").status()).isEqualTo(302);
    }
}
