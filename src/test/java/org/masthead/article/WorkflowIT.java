package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
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

/** Issue 9 (first part): review states, scheduling on the jobs runner, embargo and kill, in the newsroom and the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkflowIT {
    TestApp app;
    Browser contributor;
    Browser editor;
    Browser admin;
    String token;
    long news;
    final HttpClient http = HttpClient.newHttpClient();

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine(), Map.of("site.time-zone", "Europe/London"));
        contributor = app.signedIn("wf-contrib@example.com", Role.CONTRIBUTOR);
        editor = app.signedIn("wf-editor@example.com", Role.EDITOR);
        admin = app.signedIn("wf-admin@example.com", Role.ADMIN);
        token = Api.token(admin, "editor");
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
    }

    @AfterAll
    void stop() { app.close(); }

    long create(Browser who, String headline) {
        var res = who.post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(news, headline, Map.of())));
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    Browser.Response move(Browser who, long id, String transition, Map<String, String> more) {
        who.get("/newsroom/articles/" + id); // fresh CSRF token
        var form = new HashMap<>(more);
        form.put("transition", transition);
        return who.post("/newsroom/articles/" + id + "/move", form);
    }

    ArticleStatus status(long id) { return app.services().articles().find(id).orElseThrow().status(); }

    HttpResponse<String> api(String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1" + path)).header("Authorization", "Bearer " + token);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_story_goes_from_draft_through_review_and_schedule_to_published_on_time_issue_9() throws Exception {
        long id = create(contributor, "Council meets at dawn");
        assertThat(move(contributor, id, "approve", Map.of()).status()).isEqualTo(403); // contributors do not approve
        assertThat(move(contributor, id, "submit", Map.of()).status()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(move(editor, id, "send-back", Map.of("note", "Add the vote count.")).status()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(ArticleStatus.DRAFT);
        assertThat(contributor.get("/newsroom/articles/" + id).body()).contains("Add the vote count.");
        assertThat(move(contributor, id, "submit", Map.of()).status()).isEqualTo(303);
        assertThat(move(editor, id, "approve", Map.of()).status()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(ArticleStatus.READY);
        // Scheduled in the site's time zone (Europe/London), two seconds from now.
        var due = Instant.now().plusSeconds(2);
        var local = due.atZone(java.time.ZoneId.of("Europe/London")).toLocalDateTime().withNano(0);
        var dueMillis = local.atZone(java.time.ZoneId.of("Europe/London")).toInstant().toEpochMilli();
        assertThat(move(editor, id, "schedule", Map.of("at", local.toString())).status()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(ArticleStatus.SCHEDULED);
        var path = app.services().articles().find(id).orElseThrow().path();
        assertThat(app.browser().get(path).status()).isEqualTo(404);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (status(id) != ArticleStatus.PUBLISHED && System.nanoTime() < deadline) Thread.sleep(50);
        var published = app.services().articles().find(id).orElseThrow();
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publishedAt() - dueMillis).as("published after its time, within a second").isBetween(0L, 1_000L);
        assertThat(app.browser().get(path).status()).isEqualTo(200);
    }

    @Test
    void history_shows_each_save_with_a_word_diff_and_restores_an_old_revision_issue_9() {
        long id = create(editor, "Harbour wall repaired");
        var rev = app.services().articles().find(id).orElseThrow().revision();
        var form = new HashMap<>(Fixtures.articleForm(news, "Harbour wall repaired at last", Map.of("revision", String.valueOf(rev),
            "body", "<p>Workers finished the <b>harbour</b> wall on Tuesday.</p>")));
        assertThat(editor.post("/newsroom/articles/" + id, form).status()).isEqualTo(303);
        var history = editor.get("/newsroom/articles/" + id + "/revisions");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("<ins>at last</ins>").contains("<dt>bodyHtml</dt>").contains("<del>First paragraph of</del> <ins>Workers finished</ins>")
            .doesNotContain("&lt;b&gt;").contains("headline, dek, bodyHtml");
        assertThat(contributor.get("/newsroom/articles/" + id + "/revisions").status()).isEqualTo(404);
        editor.get("/newsroom/articles/" + id + "/revisions");
        var restore = editor.post("/newsroom/articles/" + id + "/revisions/1/restore", Map.of());
        assertThat(restore.status()).isEqualTo(303);
        var restored = app.services().articles().find(id).orElseThrow();
        assertThat(restored.headline()).isEqualTo("Harbour wall repaired");
        assertThat(restored.revision()).isEqualTo(3); // a new revision, not a rewrite of history
        assertThat(app.services().articles().countRevisions(id)).isEqualTo(3);
    }

    @Test
    void a_signed_preview_link_opens_a_draft_for_anyone_until_it_expires_and_is_never_indexed_or_counted_issue_9() {
        long id = create(contributor, "Draft for the lawyers");
        contributor.get("/newsroom/articles/" + id);
        var page = contributor.post("/newsroom/articles/" + id + "/preview-link", Map.of());
        assertThat(page.status()).isEqualTo(200);
        var m = java.util.regex.Pattern.compile("(/preview/[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]+)").matcher(page.body());
        assertThat(m.find()).isTrue();
        var link = m.group(1);
        var anon = app.browser().get(link);
        assertThat(anon.status()).isEqualTo(200);
        assertThat(anon.body()).contains("Draft for the lawyers").contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
            .contains("class=\"preview-banner\"").doesNotContain("data-article-id");
        assertThat(anon.header("X-Robots-Tag")).contains("noindex");
        assertThat(anon.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(app.browser().get(link.substring(0, link.length() - 2) + "xx").status()).isEqualTo(404); // tampered
        assertThat(app.browser().get("/preview/" + id + ".99999999999999.forged").status()).isEqualTo(404);
        var previews = new PreviewLinks(new org.masthead.db.Secrets(app.services().db()).get("preview-links"), java.time.Clock.systemUTC());
        assertThat(app.browser().get(previews.create(id, java.time.Duration.ofSeconds(-1)).path()).status()).isEqualTo(404); // expired
        assertThat(app.browser().get(previews.create(id, java.time.Duration.ofMinutes(5)).path()).status()).isEqualTo(200);
        var other = create(editor, "Editor's secret draft");
        contributor.get("/newsroom/articles");
        assertThat(contributor.post("/newsroom/articles/" + other + "/preview-link", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void the_copy_desk_lists_problems_with_a_link_to_the_field_and_an_editor_can_dismiss_one_with_a_reason_issue_9() {
        var res = editor.post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(news, "Ban Ki- moon visits", Map.of(
            "body", "<p>The the visit. See <a href=\"/news/never-written\">our earlier story</a>.</p>"))));
        long id = Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        var page = editor.get("/newsroom/articles/" + id).body();
        assertThat(page).contains("id=\"checks\"").contains("<a href=\"#headline\">headline</a>").contains("Ki- moon")
            .contains("The the").contains("does not exist");
        var dismissed = editor.post("/newsroom/articles/" + id + "/checks/dismiss", Map.of("rule", "doubled-word", "excerpt", "The the",
            "reason", "A quotation: the mayor said it twice."));
        assertThat(dismissed.status()).isEqualTo(303);
        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id + "/checks/dismiss", Map.of("rule", "broken-hyphen", "excerpt", "x", "reason", "")).status())
            .isEqualTo(422);
        var after = editor.get("/newsroom/articles/" + id).body();
        var checks = after.substring(after.indexOf("id=\"checks\""), after.indexOf("</section>", after.indexOf("id=\"checks\"")));
        assertThat(checks).doesNotContain("The the").contains("Ki- moon");
        var why = app.services().db().read(h -> h.createQuery("select reason from copy_dismissal where article_id = :a").bind("a", id).mapTo(String.class).list());
        assertThat(why).containsExactly("A quotation: the mayor said it twice.");
    }

    @Test
    void a_stale_save_opens_a_merge_view_and_both_edits_survive_issue_9() {
        long id = create(editor, "Original headline");
        int base = app.services().articles().find(id).orElseThrow().revision();
        var other = app.signedIn("wf-editor-2@example.com", Role.EDITOR);
        var theirs = new HashMap<>(Fixtures.articleForm(news, "Their better headline", Map.of("revision", String.valueOf(base), "dek", "Original dek")));
        assertThat(other.post("/newsroom/articles/" + id, theirs).status()).isEqualTo(303);
        editor.get("/newsroom/articles/" + id);
        var mine = new HashMap<>(Fixtures.articleForm(news, "Original headline", Map.of("revision", String.valueOf(base), "dek", "My sharper dek")));
        var conflict = editor.post("/newsroom/articles/" + id, mine);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("Theirs beside yours").contains("name=\"merge_headline\"").contains("Their better headline")
            .contains("My sharper dek");
        var rebased = conflict.body().replaceAll("(?s).*name=\"revision\" value=\"(\\d+)\".*", "$1");
        mine.put("revision", rebased);
        mine.put("merge_headline", "theirs");
        mine.put("merge_dek", "yours");
        assertThat(editor.post("/newsroom/articles/" + id, mine).status()).isEqualTo(303);
        var merged = app.services().articles().find(id).orElseThrow();
        assertThat(merged.headline()).isEqualTo("Their better headline");
        assertThat(merged.dek()).isEqualTo("My sharper dek");
    }

    @Test
    void an_autosave_never_touches_the_story_and_is_offered_back_after_a_crash_issue_9() {
        long id = create(editor, "Autosaved story");
        int rev = app.services().articles().find(id).orElseThrow().revision();
        editor.get("/newsroom/articles/" + id);
        var typed = new HashMap<>(Fixtures.articleForm(news, "Half-typed headline", Map.of("revision", String.valueOf(rev), "dek", "Typed, not saved")));
        assertThat(editor.post("/newsroom/autosave/" + id, typed).status()).isEqualTo(204);
        assertThat(app.services().articles().find(id).orElseThrow().headline()).isEqualTo("Autosaved story"); // the story is untouched
        assertThat(app.services().articles().find(id).orElseThrow().revision()).isEqualTo(rev);
        var reopened = editor.get("/newsroom/articles/" + id).body();
        assertThat(reopened).contains("You have unsaved changes from").contains("?recover=1");
        var recovered = editor.get("/newsroom/articles/" + id + "?recover=1").body();
        assertThat(recovered).contains("value=\"Half-typed headline\"").contains("Typed, not saved").contains("Recovered your unsaved changes");
        assertThat(contributor.post("/newsroom/autosave/" + id, typed).status()).isEqualTo(404); // not theirs
        assertThat(editor.post("/newsroom/articles/" + id, typed).status()).isEqualTo(303);
        assertThat(editor.get("/newsroom/articles/" + id).body()).doesNotContain("You have unsaved changes from");
        editor.get("/newsroom/articles/new");
        assertThat(editor.post("/newsroom/autosave/0", Map.of("headline", "A new story, never saved", "body", "<p>draft</p>")).status()).isEqualTo(204);
        assertThat(editor.get("/newsroom/articles/new").body()).contains("You have unsaved changes from");
        assertThat(editor.get("/newsroom/articles/new?recover=1").body()).contains("A new story, never saved");
    }

    @Test
    void the_desk_shows_what_is_in_review_ready_and_scheduled_with_assignees_notes_and_mentions_issue_9() {
        long id = create(contributor, "Story for the desk");
        assertThat(move(contributor, id, "submit", Map.of()).status()).isEqualTo(303);
        long scheduled = create(editor, "Goes out tomorrow morning");
        var user = app.services().users().findByEmail("wf-editor@example.com").orElseThrow();
        app.services().publishing().move(user, scheduled, Transition.SCHEDULE, System.currentTimeMillis() + 86_400_000L, "");
        var contributorUser = app.services().users().findByEmail("wf-contrib@example.com").orElseThrow();
        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id + "/assign", Map.of("assignee", String.valueOf(contributorUser.id()))).status()).isEqualTo(303);
        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id + "/notes", Map.of("note_text", "@wf-contrib please add the vote count.")).status()).isEqualTo(303);
        var desk = editor.get("/newsroom/desk").body();
        assertThat(desk).contains("Story for the desk").contains("In review").contains(contributorUser.displayName())
            .contains("Goes out tomorrow morning").contains("Scheduled");
        var timeline = desk.substring(desk.indexOf("class=\"timeline\""), desk.indexOf("</ol>"));
        assertThat(timeline).contains("Goes out tomorrow morning").doesNotContain("Story for the desk");
        var inbox = contributor.get("/newsroom/inbox").body();
        assertThat(inbox).contains("Story for the desk").contains("please add the vote count.").contains("<strong>new</strong>");
        assertThat(contributor.get("/newsroom/inbox").body()).doesNotContain("<strong>new</strong>"); // read now
        assertThat(contributor.get("/newsroom/articles/" + id).body()).contains("please add the vote count.").contains("Assigned to");
        assertThat(app.browser().get(app.services().articles().find(id).orElseThrow().path()).body()).doesNotContain("vote count"); // never published
        contributor.get("/newsroom/articles/" + id);
        assertThat(contributor.post("/newsroom/articles/" + id + "/notes", Map.of("note_text", "")).status()).isEqualTo(422);
    }

    @Test
    void an_editor_limited_to_a_section_edits_and_publishes_only_there_issue_9() {
        var limited = app.signedIn("wf-politics-editor@example.com", Role.EDITOR);
        var limitedUser = app.services().users().findByEmail("wf-politics-editor@example.com").orElseThrow();
        long politics = app.services().taxonomy().findSectionBySlug("politics").orElseThrow().id();
        admin.get("/newsroom/users");
        assertThat(admin.post("/newsroom/users/" + limitedUser.id() + "/sections", Map.of("sections", String.valueOf(politics))).status()).isEqualTo(303);
        assertThat(admin.get("/newsroom/users").body()).contains("name=\"sections\" value=\"" + politics + "\" checked");
        long newsStory = create(editor, "A news story");
        assertThat(move(limited, newsStory, "publish", Map.of()).status()).isEqualTo(403);
        assertThat(status(newsStory)).isEqualTo(ArticleStatus.DRAFT);
        var inNews = limited.post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(news, "Not my section", Map.of())));
        assertThat(inNews.status()).isEqualTo(403);
        var inPolitics = limited.post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(politics, "My section", Map.of("action", "publish"))));
        assertThat(inPolitics.status()).isEqualTo(303);
        long mine = Long.parseLong(inPolitics.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        assertThat(status(mine)).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(move(editor, mine, "unpublish", Map.of()).status()).isEqualTo(303); // an editor with no limits edits anywhere
    }

    @Test
    void a_preview_link_shows_the_pending_edit_of_a_live_story_while_readers_still_see_the_saved_one_issue_9() {
        long id = create(editor, "Live headline");
        assertThat(move(editor, id, "publish", Map.of()).status()).isEqualTo(303);
        var path = app.services().articles().find(id).orElseThrow().path();
        int rev = app.services().articles().find(id).orElseThrow().revision();
        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/autosave/" + id, new HashMap<>(Fixtures.articleForm(news, "Pending headline",
            Map.of("revision", String.valueOf(rev), "body", "<p>Pending body <script>alert(1)</script></p>")))).status()).isEqualTo(204);
        editor.get("/newsroom/articles/" + id);
        var page = editor.post("/newsroom/articles/" + id + "/preview-link", Map.of());
        assertThat(page.body()).contains("Preview link for your edit, not yet published");
        var m = java.util.regex.Pattern.compile("(/preview/[0-9]+\\.[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]+)").matcher(page.body());
        assertThat(m.find()).isTrue();
        var preview = app.browser().get(m.group(1));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("Pending headline").contains("Pending body").doesNotContain("<script>alert(1)")
            .contains("Preview of an edit not yet published");
        assertThat(app.browser().get(path).body()).contains("Live headline").doesNotContain("Pending headline");
        var forged = m.group(1).replaceFirst("\\.([0-9]+)\\.([A-Za-z0-9_-]+)$", ".999.$2");
        assertThat(app.browser().get(forged).status()).isEqualTo(404); // someone else's edit cannot be opened by changing the id
    }

    @Test
    void times_are_entered_in_the_site_time_zone_across_daylight_saving_changes_issue_9() {
        // Europe/London: 2027-03-28 01:00 GMT jumps to 02:00 BST; 2027-10-31 02:00 BST falls back to 01:00 GMT.
        for (var c : new String[][] {{"2027-06-01T06:00", "2027-06-01T05:00:00Z"}, {"2027-12-01T06:00", "2027-12-01T06:00:00Z"},
            {"2027-03-28T01:30", "2027-03-28T01:30:00Z"} /* does not exist: moved forward to 02:30 BST */,
            {"2027-10-31T01:30", "2027-10-31T00:30:00Z"} /* happens twice: the earlier, BST */}) {
            long id = create(editor, "Timed story " + c[0]);
            assertThat(move(editor, id, "schedule", Map.of("at", c[0])).status()).isEqualTo(303);
            assertThat(Instant.ofEpochMilli(app.services().articles().find(id).orElseThrow().workflow().publishAt()).toString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void the_watchdog_publishes_an_overdue_story_at_once_and_marks_it_late_issue_9() {
        app.jobs().pause("scheduled-publishing");
        try {
            long id = create(editor, "Missed its slot");
            var user = app.services().users().findByEmail("wf-editor@example.com").orElseThrow();
            app.services().publishing().move(user, id, Transition.SCHEDULE, System.currentTimeMillis() + 60_000, "");
            long due = System.currentTimeMillis() - 5 * 60_000; // as if the site had been down when it was due
            app.services().db().useTransaction(h -> h.createUpdate("update article set publish_at = :t where id = :id").bind("t", due).bind("id", id).execute());
            var late = app.services().metrics().find("masthead_scheduled_published_late").counter();
            double before = late == null ? 0 : late.count();
            app.jobs().runNow("scheduled-publishing");
            var a = app.services().articles().find(id).orElseThrow();
            assertThat(a.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(a.workflow().publishedLateMs()).isGreaterThanOrEqualTo(5 * 60_000L);
            assertThat(editor.get("/newsroom/articles/" + id).body()).contains("Published late by 5 min");
            assertThat(app.services().metrics().find("masthead_scheduled_published_late").counter().count()).isEqualTo(before + 1);
        } finally {
            app.jobs().resume("scheduled-publishing");
        }
    }

    @Test
    void moves_that_make_no_sense_are_409_and_a_past_time_is_refused_issue_9() throws Exception {
        long id = create(editor, "Out of order");
        assertThat(move(editor, id, "approve", Map.of()).status()).isEqualTo(409);                 // a draft is not in review
        assertThat(move(editor, id, "unschedule", Map.of()).status()).isEqualTo(409);
        assertThat(move(editor, id, "restore", Map.of()).status()).isEqualTo(403);                 // only an admin undoes a kill
        assertThat(move(editor, id, "schedule", Map.of("at", "2001-01-01T06:00")).status()).isEqualTo(422);
        assertThat(api("POST", "/articles/" + id + "/schedule", "{\"at\": \"2001-01-01T06:00:00Z\"}").statusCode()).isEqualTo(422);
        assertThat(api("POST", "/articles/" + id + "/schedule", "{\"at\": \"tomorrow\"}").statusCode()).isEqualTo(422);
        var at = Instant.now().plusSeconds(3600).toString();
        var scheduled = api("POST", "/articles/" + id + "/schedule", "{\"at\": \"" + at + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        assertThat(scheduled.body()).contains("\"status\":\"scheduled\"").contains("\"publish_at\":\"" + at.substring(0, 19));
        assertThat(api("DELETE", "/articles/" + id + "/schedule", null).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo(ArticleStatus.READY);
        assertThat(api("POST", "/articles/" + id + "/approve", null).statusCode()).isEqualTo(409);
    }

    @Test
    void an_embargo_cannot_be_beaten_issue_9() {
        long id = create(editor, "Embargoed report");
        var user = app.services().users().findByEmail("wf-editor@example.com").orElseThrow();
        long until = System.currentTimeMillis() + 3_600_000;
        app.services().publishing().embargo(user, id, until);
        var publish = move(editor, id, "publish", Map.of());
        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.body()).contains("embargoed until");
        assertThat(status(id)).isEqualTo(ArticleStatus.DRAFT);
        assertThat(app.services().publishing().move(user, id, Transition.SCHEDULE, until - 60_000, "")).isInstanceOf(Publishing.Result.Refused.class);
        assertThat(app.services().publishing().move(user, id, Transition.SCHEDULE, until, "")).isInstanceOf(Publishing.Result.Saved.class);
    }

    @Test
    void a_killed_story_leaves_every_page_and_feed_and_only_an_admin_restores_it_issue_9() throws Exception {
        long id = create(editor, "Story under legal challenge");
        assertThat(move(editor, id, "publish", Map.of()).status()).isEqualTo(303);
        var a = app.services().articles().find(id).orElseThrow();
        assertThat(app.browser().get(a.path()).status()).isEqualTo(200);
        assertThat(app.browser().get("/feeds/all.rss").body()).contains("Story under legal challenge");
        assertThat(move(editor, id, "kill", Map.of()).status()).isEqualTo(422);                    // a reason is required
        assertThat(move(contributor, id, "kill", Map.of("note", "x")).status()).isEqualTo(404);    // not even theirs to see
        assertThat(move(editor, id, "kill", Map.of("note", "Court order 2026/114")).status()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(ArticleStatus.KILLED);
        assertThat(app.browser().get(a.path()).status()).isEqualTo(410);
        assertThat(app.browser().get("/").body()).doesNotContain("Story under legal challenge");
        assertThat(app.browser().get("/news/").body()).doesNotContain("Story under legal challenge");
        assertThat(app.browser().get("/feeds/all.rss").body()).doesNotContain("Story under legal challenge");
        assertThat(app.browser().get("/sitemap-news.xml").body()).doesNotContain("Story under legal challenge");
        assertThat(api("GET", "/articles", null).body()).doesNotContain("Story under legal challenge");
        var edit = editor.get("/newsroom/articles/" + id).body();
        assertThat(edit).contains("Court order 2026/114");
        var save = editor.post("/newsroom/articles/" + id, new HashMap<>(Fixtures.articleForm(news, "Edited after the kill",
            Map.of("revision", String.valueOf(app.services().articles().find(id).orElseThrow().revision())))));
        assertThat(save.status()).isEqualTo(409);
        var audit = app.services().db().read(h -> h.createQuery("select action from audit_event where subject = :s order by id")
            .bind("s", "article:" + id).mapTo(String.class).list());
        assertThat(audit).contains("article.publish", "article.kill");
        assertThat(move(editor, id, "restore", Map.of()).status()).isEqualTo(403);
        assertThat(move(admin, id, "restore", Map.of()).status()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(ArticleStatus.UNPUBLISHED);
    }
}
