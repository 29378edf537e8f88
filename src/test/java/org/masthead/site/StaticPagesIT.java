package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.TestApp;

/** Issue 10: static pages written in the newsroom, at their own address, in the sitemap, with revisions and no lost edit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StaticPagesIT {
    TestApp app;
    Browser editor;
    Browser contributor;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        editor = app.signedIn("sp-editor@example.com", Role.EDITOR);
        contributor = app.signedIn("sp-contrib@example.com", Role.CONTRIBUTOR);
    }

    @AfterAll
    void stop() { app.close(); }

    long idFrom(Browser.Response res) {
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/pages/(\\d+).*$", "$1"));
    }

    @Test
    void an_editor_writes_a_page_readers_find_it_at_its_address_and_in_the_sitemap_issue_10() {
        editor.get("/newsroom/pages/new");
        long id = idFrom(editor.post("/newsroom/pages", Map.of("title", "Corrections policy", "slug", "", "body", "<p>We correct errors promptly.</p><img src=x onerror=alert(1)>",
            "language", "", "revision", "0")));
        var page = app.browser().get("/corrections-policy/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 dir=\"auto\">Corrections policy</h1>").contains("<p>We correct errors promptly.</p>").doesNotContain("onerror");
        assertThat(app.browser().get("/corrections-policy").status()).isEqualTo(301);
        assertThat(app.browser().get("/sitemaps/sections.xml").body()).contains("/corrections-policy/</loc>");
        assertThat(editor.get("/newsroom/pages").body()).contains("Corrections policy");

        var form = editor.get("/newsroom/pages/" + id).body();
        assertThat(form).contains("Revision 1 of 1");
        assertThat(editor.post("/newsroom/pages/" + id, Map.of("title", "Corrections policy", "slug", "corrections-policy",
            "body", "<p>We correct errors promptly and say so.</p>", "language", "", "revision", "1")).status()).isEqualTo(303);
        assertThat(app.browser().get("/corrections-policy/?utm_source=x").body()).contains("and say so");
        // A second editor's form, based on revision 1, is refused and keeps what they typed.
        var stale = editor.post("/newsroom/pages/" + id, Map.of("title", "Corrections policy", "slug", "corrections-policy",
            "body", "<p>My stale edit.</p>", "language", "", "revision", "1"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else saved this page").contains("My stale edit.");
        assertThat(app.browser().get("/corrections-policy/").body()).contains("and say so").doesNotContain("My stale edit.");
        assertThat(editor.get("/newsroom/pages/" + id).body()).contains("Revision 2 of 2");

        assertThat(editor.post("/newsroom/pages/" + id + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(app.browser().get("/corrections-policy/").status()).isEqualTo(410);
        assertThat(app.browser().get("/sitemaps/sections.xml").body()).doesNotContain("/corrections-policy/");
    }

    @Test
    void bad_pages_are_refused_with_the_text_kept_and_contributors_may_not_write_them_issue_10() {
        editor.get("/newsroom/pages/new");
        var clash = editor.post("/newsroom/pages", Map.of("title", "News", "slug", "news", "body", "<p>Typed text.</p>", "language", "", "revision", "0"));
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.body()).contains("belongs to a section").contains("Typed text.").contains("id=\"problems\"");
        var reserved = editor.post("/newsroom/pages", Map.of("title", "Api", "slug", "api", "body", "", "language", "", "revision", "0"));
        assertThat(reserved.status()).isEqualTo(400);
        var badLanguage = editor.post("/newsroom/pages", Map.of("title", "Contact", "slug", "contact", "body", "", "language", "not a tag!", "revision", "0"));
        assertThat(badLanguage.body()).contains("BCP 47");
        assertThat(app.browser().get("/contact/").status()).isEqualTo(404);
        idFrom(editor.post("/newsroom/pages", Map.of("title", "من نحن", "slug", "", "body", "<p>صحيفة مستقلة.</p>", "language", "ar", "revision", "0")));
        var arabic = app.browser().get("/" + org.masthead.taxonomy.Slugs.encode(org.masthead.taxonomy.Slugs.from("من نحن")) + "/");
        assertThat(arabic.status()).isEqualTo(200);
        assertThat(arabic.body()).contains("<article class=\"story static-page\" lang=\"ar\" dir=\"rtl\">");
        var dup = editor.post("/newsroom/pages", Map.of("title", "من نحن", "slug", "", "body", "", "language", "ar", "revision", "0"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body()).contains("Another page is at");
        assertThat(contributor.get("/newsroom/pages").status()).isEqualTo(403);
        assertThat(contributor.post("/newsroom/pages", Map.of("title", "Sneaky", "slug", "sneaky", "body", "", "language", "", "revision", "0")).status()).isEqualTo(403);
        assertThat(app.browser().get("/sneaky/").status()).isEqualTo(404);
    }
}
