package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Fixtures;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/** Every page a person sees passes the Nu Html Checker (vnu.jar from npm, run in its own process). */
class HtmlValidityIT {
    static final Path VNU = Path.of(".tools/node_modules/vnu-jar/build/dist/vnu.jar");

    @Test
    void reader_and_newsroom_pages_have_no_html_errors(@TempDir Path dir) throws Exception {
        assertThat(VNU).as("vnu.jar is installed by ./masthead test into .tools").exists();
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var article = PublishedSite.publish(app, 8);
            var editor = app.signedIn("editor@example.com", Role.EDITOR);
            var admin = app.signedIn("admin@example.com", Role.ADMIN);
            var reader = app.browser();
            var pages = new LinkedHashMap<String, String>();
            pages.put("home", reader.get("/").body());
            pages.put("front", reader.get("/news/").body());
            pages.put("article", reader.get(article).body());
            pages.put("not-found", reader.get("/news/missing").body());
            pages.put("sign-in", app.browser().get("/newsroom/sign-in").body());
            pages.put("sign-in-error", app.browser().signIn("editor@example.com", "wrong").body());
            pages.put("articles", editor.get("/newsroom/articles").body());
            pages.put("new-article", editor.get("/newsroom/articles/new").body());
            long id = app.services().articles().findPublished(article.split("/")[1], article.split("/")[2]).orElseThrow().id();
            pages.put("edit-article", editor.get("/newsroom/articles/" + id).body());
            pages.put("edit-errors", editor.postMultipart("/newsroom/articles", Fixtures.articleForm(0, "", Map.of()), "photo", "", null).body());
            pages.put("users", admin.get("/newsroom/users").body());
            pages.put("webhooks", admin.get("/newsroom/webhooks").body());
            pages.put("tokens", admin.post("/newsroom/tokens", Map.of("name", "Validator", "scope", "read")).body());
            pages.put("most-read", editor.get("/newsroom/popular").body());
            pages.put("photos", editor.get("/newsroom/photos").body());
            pages.put("photo-upload", editor.get("/newsroom/photos/upload").body());
            long photoId = app.services().articles().find(id).orElseThrow().leadPhoto().id();
            pages.put("photo", editor.get("/newsroom/photos/" + photoId).body());
            pages.put("new-with-photo", editor.get("/newsroom/articles/new?photo=" + photoId).body());
            pages.put("names", admin.get("/newsroom/names").body());
            pages.put("control-characters", editor.post("/newsroom/articles", Fixtures.articleForm(1, "Bad\u0000headline", Map.of())).body());
            pages.put("photo-conflict", admin.post("/newsroom/photos/" + photoId, Map.of("caption", "x", "credit", "", "creator", "", "copyright", "",
                "alt", "", "title", "", "focal_x", "50", "focal_y", "50", "text_revision", "0")).body());
            var arabic = new java.util.HashMap<>(Fixtures.articleForm(1, "مجلس المدينة يقر خطة الفيضانات", Map.of("bylines", "أحمد منصور",
                "tags", "الميزانية", "photo_caption", "أعضاء المجلس يغادرون القاعة.", "lead_photo", String.valueOf(photoId), "action", "publish")));
            var published = editor.post("/newsroom/articles", arabic);
            long arabicId = Long.parseLong(published.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
            var arabicArticle = app.services().articles().find(arabicId).orElseThrow();
            pages.put("arabic-article", reader.get(arabicArticle.path()).body());
            pages.put("arabic-author", reader.get(arabicArticle.authors().get(0).path()).body());
            pages.put("arabic-edit", editor.get("/newsroom/articles/" + arabicId).body());
            var flawed = editor.post("/newsroom/articles", new java.util.HashMap<>(Fixtures.articleForm(1, "COUNCIL VOTES ON THE THE PLAN",
                Map.of("body", "<p>Ban Ki- moon (visited. <a href=\"/news/missing\">x</a></p>"))));
            long flawedId = Long.parseLong(flawed.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
            pages.put("copy-desk-and-workflow", admin.get("/newsroom/articles/" + flawedId).body());
            pages.put("history", admin.get("/newsroom/articles/" + arabicId + "/revisions").body());
            pages.put("audit", admin.get("/newsroom/audit").body());
            pages.put("desk", admin.get("/newsroom/desk").body());
            pages.put("inbox", admin.get("/newsroom/inbox").body());
            pages.put("corrections", reader.get("/corrections/").body());
            int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
            pages.put("year-archive", reader.get("/" + year + "/").body());
            var monthPath = java.util.regex.Pattern.compile("href=\"(/" + year + "/[0-9]{2}/)\"").matcher(pages.get("year-archive"));
            assertThat(monthPath.find()).as("the year's archive links its months").isTrue();
            pages.put("month-archive", reader.get(monthPath.group(1)).body());
            pages.put("newsroom-search", editor.get("/newsroom/articles?q=harbour").body());
            pages.put("fronts", editor.get("/newsroom/fronts").body());
            long wireId = Fixtures.wireItem(app);
            pages.put("wire", editor.get("/newsroom/wire").body());
            pages.put("wire-item", editor.get("/newsroom/wire/" + wireId).body());
            pages.put("search-results", reader.get("/search?q=harbour").body());
            pages.put("search-empty", reader.get("/search").body());
            pages.put("search-none", reader.get("/search?q=zzzzqqq&sort=newest").body());
            pages.put("search-bad-date", reader.get("/search?q=harbour&from=2026-13-45").body());
            pages.put("import", admin.get("/newsroom/import").body());
            var queued = admin.postMultipart("/newsroom/import", Map.of(), "file", "small.xml",
                java.nio.file.Files.readAllBytes(org.masthead.testing.Testdata.resolve("wxr/wordpress-importer/phpunit-data/small-export.xml")));
            pages.put("import-run", admin.get(queued.header("Location")).body());
            pages.put("import-refused", admin.postMultipart("/newsroom/import", Map.of(), "file", "x.jpg", Fixtures.jpeg(8, 8, 2)).body());
            editor.get("/newsroom/pages/new");
            var created = editor.post("/newsroom/pages", Map.of("title", "About us", "slug", "", "body", "<p>Who we are.</p>", "language", "", "revision", "0"));
            pages.put("static-page", reader.get("/about-us/").body());
            pages.put("newsroom-pages", editor.get("/newsroom/pages").body());
            pages.put("newsroom-page", editor.get(created.header("Location")).body());
            pages.put("newsroom-page-errors", editor.post("/newsroom/pages", Map.of("title", "", "slug", "news", "body", "x", "language", "", "revision", "0")).body());
            pages.put("author-profile", reader.get("/author/clara-wren/").body());
            admin.get("/newsroom/users");
            var invited = admin.post("/newsroom/users/invite", Map.of("email", "invited@example.com", "name", "Invited", "role", "editor"));
            pages.put("users-invited", invited.body());
            var welcome = java.util.regex.Pattern.compile("/newsroom/welcome/[A-Za-z0-9_-]{43}").matcher(invited.body());
            assertThat(welcome.find()).isTrue();
            pages.put("welcome", app.browser().get(welcome.group()).body());
            pages.put("welcome-expired", app.browser().get("/newsroom/welcome/expired").body());
            pages.put("sections", admin.get("/newsroom/sections").body());
            pages.put("settings", admin.get("/newsroom/settings").body());
            pages.put("authors", editor.get("/newsroom/authors").body());
            pages.put("author-edit", editor.get("/newsroom/authors/clara-wren").body());
            pages.put("settings-errors", admin.post("/newsroom/settings", Map.of("name", "", "accent", "red", "footer_links", "nope")).body());
            pages.put("section-errors", admin.post("/newsroom/sections", Map.of("name", "", "slug", "")).body());
            editor.get("/newsroom/fronts/home");
            pages.put("front-home", editor.post("/newsroom/fronts/home", Map.of("add_article_id", "1", "add_position", "1")).header("Location") == null
                ? "" : editor.get("/newsroom/fronts/home?saved=1").body());
            pages.put("front-errors", editor.post("/newsroom/fronts/home", Map.of("article_id", "1", "position", "1", "pinned_until", "soon")).body());
            for (var e : pages.entrySet()) { // no external requests: scripts, styles, images and fonts are ours
                assertThat(e.getValue()).as(e.getKey()).doesNotContainPattern("<(script|img|iframe|source)[^>]+src=\"(https?:)?//")
                    .doesNotContainPattern("<link[^>]+rel=\"(stylesheet|preload|icon)\"[^>]+href=\"(https?:)?//")
                    .doesNotContain("@import url(http").doesNotContain("fonts.googleapis");
            }
            var files = new ArrayList<String>();
            for (var e : pages.entrySet()) {
                var f = dir.resolve(e.getKey() + ".html");
                Files.writeString(f, e.getValue());
                files.add(f.toString());
            }
            var javaBin = ProcessHandle.current().info().command().orElse("java");
            var cmd = new ArrayList<>(java.util.List.of(javaBin, "-jar", VNU.toString(), "--errors-only", "--format", "gnu"));
            cmd.addAll(files);
            var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            var out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as("Nu Html Checker errors").isEmpty();
            assertThat(p.exitValue()).isZero();
        }
    }
}
