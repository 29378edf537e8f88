package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;

/** The foundation end to end over HTTP: newsroom → reader page → Most Popular, with the bad inputs. Runs on both engines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NewsroomFlowIT {
    TestApp app;
    Browser editor;
    long news;
    long politics;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        editor = app.signedIn("editor@example.com", Role.EDITOR);
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
        politics = app.services().taxonomy().findSectionBySlug("politics").orElseThrow().id();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static long idFrom(Browser.Response res) {
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        var loc = res.header("Location");
        return Long.parseLong(loc.replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    long publish(String headline, Map<String, String> overrides, byte[] photo) {
        var form = Fixtures.articleForm(news, headline, overrides);
        form.put("action", "publish");
        return idFrom(editor.postMultipart("/newsroom/articles", form, "photo", "photo.jpg", photo));
    }

    int articleCount() { return app.services().articles().listForNewsroom(new ArticleStore.Filter(null, null), 1000, 0).size(); }

    @Test
    void editor_publishes_article_with_photo_and_reader_sees_caption_then_credit() {
        long id = publish("Harrowgate council approves flood plan", Map.of(), Fixtures.jpeg(800, 450, 1));
        var article = app.services().articles().find(id).orElseThrow();
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.path()).isEqualTo("/news/harrowgate-council-approves-flood-plan");

        var page = app.browser().get(article.path());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
            .contains("<h1 dir=\"auto\">Harrowgate council approves flood plan</h1>")
            .contains("A short teaser about harrowgate council approves flood plan")
            .contains("<a class=\"author\" dir=\"auto\" href=\"/author/clara-wren/\">Clara Wren</a>, <a class=\"author\" dir=\"auto\" href=\"/author/felix-adeyemi/\">Felix Adeyemi</a>")
            .contains("<p class=\"dateline\" dir=\"auto\">HARROWGATE</p>")
            .contains("alt=\"Five councillors walking down stone steps\"")
            .contains("width=\"800\" height=\"450\"")
            .containsPattern("<figcaption><span class=\"caption\" dir=\"auto\">Councillors leave the chamber after the vote in Harrowgate\\.</span> "
                + "<span class=\"credit\" dir=\"auto\">MASTHEAD/Jane Doe</span></figcaption>")
            .containsPattern("Published <time dir=\"auto\" datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\">")
            .contains("<li><a dir=\"auto\" href=\"/tag/budget/\">Budget</a></li>")
            .contains("<main id=\"main\"", "<header", "<nav", "<footer", "<article");
        var photoUrl = article.leadPhoto().url();
        var photo = app.browser().get(photoUrl);
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.header("Cache-Control")).contains("immutable");
        assertThat(photo.header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void published_page_has_strong_etag_cache_control_and_answers_304() {
        long id = publish("Bridge repairs close main road", Map.of(), Fixtures.jpeg(400, 300, 2));
        var path = app.services().articles().find(id).orElseThrow().path();
        var first = app.browser().get(path);
        var etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=");
        assertThat(first.header("Set-Cookie")).isNull();
        var again = app.browser().get(path, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void cached_pages_are_served_gzipped_to_clients_that_ask_with_their_own_etag() throws Exception {
        long id = publish("Harbour traders report record quarter", Map.of(), Fixtures.jpeg(400, 300, 12));
        var path = app.services().articles().find(id).orElseThrow().path();
        var plain = app.browser().get(path);
        var client = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) { // first from the renderer, then from the in-memory fast lane
            var res = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + path))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(res.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(res.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(plain.header("ETag")).endsWith("-gz\"");
            var unzipped = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(res.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
            assertThat(unzipped).isEqualTo(plain.body());
        }
        var head = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + path))
            .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).hasValue(plain.header("ETag"));
    }

    @Test
    void editing_and_unpublishing_invalidate_article_front_and_home() {
        long id = publish("Night bus route opens", Map.of(), Fixtures.jpeg(400, 300, 3));
        var reader = app.browser();
        var path = app.services().articles().find(id).orElseThrow().path();
        assertThat(reader.get(path).body()).contains("Night bus route opens");
        assertThat(reader.get("/news/").body()).contains("Night bus route opens");
        assertThat(reader.get("/").body()).contains("Night bus route opens");

        var form = Fixtures.articleForm(news, "Night bus route opens to all riders", Map.of("slug", "night-bus-route-opens"));
        form.put("revision", String.valueOf(app.services().articles().find(id).orElseThrow().revision()));
        form.put("action", "publish");
        idFrom(editor.postMultipart("/newsroom/articles/" + id, form, "photo", "", null));
        assertThat(reader.get(path).body()).contains("<h1 dir=\"auto\">Night bus route opens to all riders</h1>");
        assertThat(reader.get("/news/").body()).contains("Night bus route opens to all riders");
        assertThat(reader.get("/").body()).contains("Night bus route opens to all riders");

        var unpublish = Map.of("action", "unpublish");
        idFrom(editor.postMultipart("/newsroom/articles/" + id, unpublish, "photo", "", null));
        var gone = reader.get(path);
        assertThat(gone.status()).isEqualTo(410); // Gone: it existed and was taken down
        assertThat(gone.body()).contains("taken down").contains("href=\"/\"");
        assertThat(reader.get("/news/").body()).doesNotContain("Night bus route opens to all riders");
        assertThat(reader.get("/").body()).doesNotContain("Night bus route opens to all riders");
    }

    @Test
    void changed_slug_redirects_old_permalink() {
        long id = publish("Mill marks 150 years", Map.of(), Fixtures.jpeg(400, 300, 4));
        var a = app.services().articles().find(id).orElseThrow();
        var form = Fixtures.articleForm(politics, "Mill marks 150 years", Map.of("slug", "mill-anniversary"));
        form.put("revision", String.valueOf(a.revision()));
        idFrom(editor.postMultipart("/newsroom/articles/" + id, form, "photo", "", null));
        var old = app.browser().get(a.path());
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).isEqualTo("/politics/mill-anniversary");
        assertThat(old.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(app.browser().get("/politics/mill-anniversary").status()).isEqualTo(200);
    }

    @Test
    void missing_headline_is_refused_next_to_the_field_and_nothing_is_stored() {
        int before = articleCount();
        var res = editor.postMultipart("/newsroom/articles", Fixtures.articleForm(news, "", Map.of()), "photo", "p.jpg",
            Fixtures.jpeg(300, 200, 5));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.body()).contains("id=\"headline-error\">Write a headline.</p>").contains("aria-invalid=\"true\"")
            .contains("A short teaser about"); // what was typed is kept
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void non_image_and_oversized_uploads_are_refused_with_a_message_and_nothing_is_stored() {
        int before = articleCount();
        var text = editor.postMultipart("/newsroom/articles", Fixtures.articleForm(news, "Upload test", Map.of()), "photo",
            "photo.jpg", "this is not an image, whatever its name says".getBytes());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.body()).contains("not a JPEG, PNG, WebP or GIF image");
        var big = new byte[3 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        var huge = editor.postMultipart("/newsroom/articles", Fixtures.articleForm(news, "Upload test", Map.of()), "photo", "big.jpg", big);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("limit");
        var broken = java.util.Arrays.copyOf(Fixtures.jpeg(300, 200, 6), 200);
        var damaged = editor.postMultipart("/newsroom/articles", Fixtures.articleForm(news, "Upload test", Map.of()), "photo", "x.jpg", broken);
        assertThat(damaged.status()).isEqualTo(400);
        assertThat(damaged.body()).contains("damaged or incomplete");
        assertThat(articleCount()).isEqualTo(before);
        int stored = app.services().db().read(h -> h.createQuery("select count(*) from media where byte_size = :n")
            .bind("n", big.length).mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void post_without_csrf_token_is_refused_and_nothing_changes() {
        int before = articleCount();
        var res = editor.post("/newsroom/articles", Fixtures.articleForm(news, "Forged", Map.of()), false);
        assertThat(res.status()).isEqualTo(403);
        assertThat(res.body()).contains("CSRF");
        var forged = editor.post("/newsroom/articles", Map.of("_csrf", "guess", "headline", "Forged", "section", String.valueOf(news)), false);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(articleCount()).isEqualTo(before);
        var anonymous = app.browser().post("/newsroom/articles", Map.of("headline", "x"), false);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void contributor_cannot_publish_or_edit_others_and_article_stays_unchanged() {
        var contributor = app.signedIn("writer@example.com", Role.CONTRIBUTOR);
        var form = Fixtures.articleForm(news, "Contributor draft", Map.of());
        form.put("action", "publish");
        var attempt = contributor.postMultipart("/newsroom/articles", form, "photo", "", null);
        assertThat(attempt.status()).isEqualTo(403);
        assertThat(attempt.body()).contains("Contributors cannot publish");
        form.put("action", "save");
        long id = idFrom(contributor.postMultipart("/newsroom/articles", form, "photo", "", null));
        var draft = app.services().articles().find(id).orElseThrow();
        var publishOwn = contributor.postMultipart("/newsroom/articles/" + id, Map.of("action", "publish",
            "revision", String.valueOf(draft.revision()), "headline", "Sneaky", "section", String.valueOf(news)), "photo", "", null);
        assertThat(publishOwn.status()).isEqualTo(403);
        var after = app.services().articles().find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(after.headline()).isEqualTo("Contributor draft");

        long editorsId = publish("Editor's own story", Map.of(), Fixtures.jpeg(300, 200, 7));
        var foreign = contributor.postMultipart("/newsroom/articles/" + editorsId,
            Fixtures.articleForm(news, "Hijacked", Map.of("revision", "99")), "photo", "", null);
        assertThat(foreign.status()).isEqualTo(404); // others' articles are not even shown to contributors (issue 8)
        assertThat(app.services().articles().find(editorsId).orElseThrow().headline()).isEqualTo("Editor's own story");
        assertThat(contributor.get("/newsroom/users").status()).isEqualTo(403);
    }

    @Test
    void script_in_body_is_sanitized_and_article_markup_kept() {
        long id = publish("Sanitizer check", Map.of("body",
            "<p onclick=\"x()\">Safe <strong>bold</strong> <a href=\"javascript:alert(1)\">bad</a> <a href=\"https://example.org/\">good</a></p>"
                + "<script>alert('x')</script><h2>Sub</h2><img src=\"https://evil.example/x.png\"><iframe src=\"//x\"></iframe>"), Fixtures.jpeg(300, 200, 8));
        var body = app.services().articles().find(id).orElseThrow().bodyHtml();
        assertThat(body).doesNotContain("<script", "onclick", "javascript:", "evil.example", "iframe")
            .contains("<strong>bold</strong>", "<h2>Sub</h2>", "href=\"https://example.org/\"");
        var page = app.browser().get(app.services().articles().find(id).orElseThrow().path()).body();
        assertThat(page).doesNotContain("alert(");
    }

    @Test
    void stale_save_is_refused_with_conflict_and_the_newer_revision_survives() {
        long id = publish("Two editors, one story", Map.of(), Fixtures.jpeg(300, 200, 9));
        int base = app.services().articles().find(id).orElseThrow().revision();
        var other = app.signedIn("other-editor@example.com", Role.EDITOR);
        var first = Fixtures.articleForm(news, "First editor's headline", Map.of("revision", String.valueOf(base)));
        idFrom(other.postMultipart("/newsroom/articles/" + id, first, "photo", "", null));
        var stale = Fixtures.articleForm(news, "Second editor's headline", Map.of("revision", String.valueOf(base)));
        var res = editor.postMultipart("/newsroom/articles/" + id, stale, "photo", "", null);
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.body()).contains("Someone else saved this article").contains("Second editor&#39;s headline");
        assertThat(app.services().articles().find(id).orElseThrow().headline()).isEqualTo("First editor's headline");
        assertThat(app.services().articles().countRevisions(id)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void wrong_password_is_refused_and_repeated_failures_are_slowed_down() {
        app.services().accounts().create("target@example.com", null, Role.EDITOR, "the right password 123");
        var b = app.browser();
        var wrong = b.signIn("target@example.com", "nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong email or password.");
        for (int i = 0; i < 5; i++) b.signIn("target@example.com", "nope");
        var throttled = b.signIn("target@example.com", "the right password 123");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many failed sign-ins");
        assertThat(throttled.header("Retry-After")).isNotBlank();
    }

    @Test
    void guessing_slows_the_guesser_but_never_locks_out_the_real_person_or_their_colleagues_issue_8() {
        app.services().accounts().create("owner@example.com", null, Role.EDITOR, "the owner's password 123");
        app.services().accounts().create("colleague@example.com", null, Role.EDITOR, "the colleague's password 123");
        var owner = app.browser();
        assertThat(owner.signIn("owner@example.com", "the owner's password 123").status()).isEqualTo(302); // this browser is now trusted
        var guesser = app.browser(); // same address as everyone here (127.0.0.1), as behind a newsroom proxy
        for (int i = 0; i < 30; i++) guesser.signIn("owner@example.com", "guess " + i);
        assertThat(guesser.signIn("owner@example.com", "the owner's password 123").status()).isEqualTo(429);
        assertThat(owner.signIn("owner@example.com", "the owner's password 123").status()).isEqualTo(302);
        assertThat(app.browser().signIn("colleague@example.com", "the colleague's password 123").status()).isEqualTo(302);
    }

    @Test
    void views_from_readers_fill_most_popular_and_bots_and_unknown_ids_do_not_count() throws Exception {
        long quiet = publish("Quiet story about seabirds", Map.of(), Fixtures.jpeg(300, 200, 10));
        long hot = publish("Hot story about a comet", Map.of("dek", "Astronomers are thrilled"), Fixtures.jpeg(300, 200, 11));
        long draftId = idFrom(editor.postMultipart("/newsroom/articles", Fixtures.articleForm(news, "Draft nobody sees", Map.of()), "photo", "", null));
        for (int i = 0; i < 40; i++) assertThat(app.browser().userAgent(Visitors.fresh()).beacon(hot).status()).isEqualTo(204);
        var repeater = app.browser().userAgent(Visitors.fresh());
        for (int i = 0; i < 5; i++) repeater.beacon(quiet); // one reader, five reloads: one view
        for (int i = 0; i < 100; i++) {
            app.browser().userAgent("Googlebot/2.1 (+http://www.google.com/bot.html)").beacon(quiet);
            app.browser().userAgent("").beacon(quiet);
            app.browser().userAgent(Visitors.fresh()).beacon(draftId);
            app.browser().userAgent(Visitors.fresh()).beacon(987654321L);
        }
        var popularity = app.services().popularity();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (popularity.views(hot) < 40 && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(popularity.views(hot)).isEqualTo(40);
        assertThat(popularity.views(quiet)).isEqualTo(1);
        assertThat(popularity.views(draftId)).isZero();

        String page = "";
        while (System.nanoTime() < deadline) {
            page = app.browser().get("/").body();
            if (page.contains("<aside class=\"popular\"")) break;
            Thread.sleep(100);
        }
        var rail = page.substring(page.indexOf("<aside class=\"popular\""));
        assertThat(rail).contains("Hot story about a comet").contains("Astronomers are thrilled");
        assertThat(rail.indexOf("Hot story about a comet")).isLessThan(rail.indexOf("Quiet story about seabirds"));
    }

    @Test
    void admin_adds_users_and_editors_cannot() {
        var admin = app.signedIn("admin@example.com", Role.ADMIN);
        var added = admin.post("/newsroom/users", Map.of("email", "new.reporter@example.com", "name", "New Reporter", "role", "contributor"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body()).contains("new.reporter@example.com: ");
        assertThat(app.services().users().findByEmail("new.reporter@example.com")).isPresent();
        var dup = admin.post("/newsroom/users", Map.of("email", "new.reporter@example.com", "role", "editor"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body()).contains("already exists");
        assertThat(editor.get("/newsroom/users").status()).isEqualTo(403);
    }

    @Test
    void tag_and_author_pages_list_their_stories() {
        publish("Tagged story for the tag page", Map.of("tags", "Ferries", "bylines", "Marta Novak"), Fixtures.jpeg(300, 200, 13));
        var tag = app.browser().get("/tag/ferries/");
        assertThat(tag.status()).isEqualTo(200);
        assertThat(tag.body()).contains("<h1 dir=\"auto\">Ferries</h1>").contains("Tagged story for the tag page");
        assertThat(tag.header("Surrogate-Key")).isEqualTo("tag-ferries");
        assertThat(app.browser().get("/author/marta-novak/").body()).contains("Stories by Marta Novak").contains("Tagged story for the tag page");
        assertThat(app.browser().get("/tag/no-such-tag/").status()).isEqualTo(404);
        assertThat(app.browser().get("/tag/ferries").status()).isEqualTo(301);
    }

    @Test
    void unknown_pages_get_a_404_page_with_a_way_back() {
        var res = app.browser().get("/news/no-such-story");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.body()).contains("Page not found").contains("<a href=\"/\">Go to the home page</a>");
        assertThat(app.browser().get("/no-such-section/").status()).isEqualTo(404);
        assertThat(app.browser().get("/news").status()).isEqualTo(301);
    }
}
