package org.masthead.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.TestApp;

/** Issue 10: admins change roles, hand out one-time reset and invitation links, and can never lock the newsroom out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserAdminIT {
    static final Pattern LINK = Pattern.compile("value=\"https?://[^\"]*(/newsroom/welcome/[A-Za-z0-9_-]{43})\"");
    TestApp app;
    Browser admin;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        admin = app.signedIn("ua-admin@example.com", Role.ADMIN);
    }

    @AfterAll
    void stop() { app.close(); }

    long id(String email) { return app.services().users().findByEmail(email).orElseThrow().id(); }

    String link(Browser.Response res) {
        var m = LINK.matcher(res.body());
        assertThat(m.find()).as(res.body()).isTrue();
        return m.group(1);
    }

    boolean signsIn(String email, String password) {
        var b = app.browser();
        b.get("/newsroom/sign-in");
        var res = b.post("/newsroom/sign-in", Map.of("email", email, "password", password));
        return res.status() == 302 && "/newsroom/articles".equals(res.header("Location"));
    }

    @Test
    void an_invitation_link_lets_the_new_colleague_choose_a_password_once_issue_10() {
        admin.get("/newsroom/users");
        var made = admin.post("/newsroom/users/invite", Map.of("email", "nadia@example.com", "name", "نادية", "role", "editor"));
        assertThat(made.status()).isEqualTo(201);
        var path = link(made);
        var visitor = app.browser();
        var form = visitor.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("nadia@example.com").contains("<bdi>نادية</bdi>");
        assertThat(visitor.post(path, Map.of("password", "short", "password_again", "short")).body()).contains("at least 12 characters");
        assertThat(visitor.post(path, Map.of("password", "a long enough phrase", "password_again", "another phrase here")).body()).contains("differ");
        var set = visitor.post(path, Map.of("password", "nadia's own desk phrase", "password_again", "nadia's own desk phrase"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).contains("value=\"nadia@example.com\"");
        assertThat(signsIn("nadia@example.com", "nadia's own desk phrase")).isTrue();
        var again = app.browser();
        assertThat(again.get(path).status()).as("a link works once").isEqualTo(404);
        again.get("/newsroom/sign-in");
        assertThat(again.post(path, Map.of("password", "someone else's phrase", "password_again", "someone else's phrase")).status()).isEqualTo(404);
        assertThat(signsIn("nadia@example.com", "nadia's own desk phrase")).isTrue();
        assertThat(app.browser().get("/newsroom/welcome/not-a-real-token").status()).isEqualTo(404);
        var forged = app.browser().post(path, Map.of("password", "x".repeat(20), "password_again", "x".repeat(20)), false);
        assertThat(forged.status()).as("no CSRF token, no change").isEqualTo(403);
    }

    @Test
    void a_reset_link_replaces_the_password_and_ends_the_old_sessions_issue_10() {
        var user = app.services().accounts().create("reset-me@example.com", "Reset Me", Role.CONTRIBUTOR, "the old password 1");
        var session = app.browser();
        assertThat(session.signIn("reset-me@example.com", "the old password 1").status()).isEqualTo(302);
        assertThat(session.get("/newsroom/articles").status()).isEqualTo(200);
        admin.get("/newsroom/users");
        var first = link(admin.post("/newsroom/users/" + user.id() + "/reset-link", Map.of()));
        admin.get("/newsroom/users");
        var second = link(admin.post("/newsroom/users/" + user.id() + "/reset-link", Map.of()));
        assertThat(app.browser().get(first).status()).as("a newer link replaces the older").isEqualTo(404);
        var visitor = app.browser();
        visitor.get(second);
        assertThat(visitor.post(second, Map.of("password", "the new password 2", "password_again", "the new password 2")).status()).isEqualTo(200);
        assertThat(signsIn("reset-me@example.com", "the new password 2")).isTrue();
        assertThat(signsIn("reset-me@example.com", "the old password 1")).isFalse();
        assertThat(session.get("/newsroom/articles").status()).as("old sessions end").isEqualTo(302);
    }

    @Test
    void roles_change_but_nobody_demotes_or_disables_themselves_or_the_last_admin_issue_10() {
        var editor = app.services().accounts().create("role-me@example.com", "Role Me", Role.CONTRIBUTOR, "role me password 1");
        admin.get("/newsroom/users");
        assertThat(admin.post("/newsroom/users/" + editor.id() + "/role", Map.of("role", "editor")).body()).contains("role-me@example.com is now editor");
        assertThat(app.services().users().find(editor.id()).orElseThrow().role()).isEqualTo(Role.EDITOR);
        admin.get("/newsroom/users");
        var self = admin.post("/newsroom/users/" + id("ua-admin@example.com") + "/role", Map.of("role", "contributor"));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.body()).contains("You cannot change your own role");
        admin.get("/newsroom/users");
        assertThat(admin.post("/newsroom/users/" + id("ua-admin@example.com") + "/disable", Map.of()).status()).isEqualTo(409);
        admin.get("/newsroom/users");
        assertThat(admin.post("/newsroom/users/" + editor.id() + "/role", Map.of("role", "owner")).status()).isEqualTo(400);
        assertThat(app.services().users().find(id("ua-admin@example.com")).orElseThrow().role()).isEqualTo(Role.ADMIN);

        // Two admins: one may demote the other; the demoted one loses the users page at once; the last admin stays.
        var second = app.signedIn("second-admin@example.com", Role.ADMIN);
        second.get("/newsroom/users");
        assertThat(second.post("/newsroom/users/" + id("ua-admin@example.com") + "/role", Map.of("role", "editor")).status()).isEqualTo(200);
        assertThat(admin.get("/newsroom/users").status()).isEqualTo(403);
        second.get("/newsroom/users");
        assertThat(second.post("/newsroom/users/" + id("second-admin@example.com") + "/role", Map.of("role", "editor")).body())
            .contains("You cannot change your own role");
        var roleMe = app.browser();
        assertThat(roleMe.signIn("role-me@example.com", "role me password 1").status()).isEqualTo(302);
        roleMe.get("/newsroom/articles");
        assertThat(roleMe.post("/newsroom/users/" + id("second-admin@example.com") + "/role", Map.of("role", "contributor")).status()).isEqualTo(403);
        second.get("/newsroom/users");
        assertThat(second.post("/newsroom/users/" + id("ua-admin@example.com") + "/role", Map.of("role", "admin")).status()).isEqualTo(200);
        assertThat(admin.get("/newsroom/users").status()).isEqualTo(200);
        // The last active admin cannot be demoted or disabled by anyone.
        assertThat(app.services().users().list().stream().filter(u -> u.role() == Role.ADMIN && !u.disabled()).count()).isEqualTo(2);
        admin.get("/newsroom/users");
        assertThat(admin.post("/newsroom/users/" + id("second-admin@example.com") + "/disable", Map.of()).status()).isEqualTo(302);
        var lastAdmin = org.assertj.core.api.Assertions.catchThrowable(() -> app.services().accounts().setRole(
            app.services().users().find(id("second-admin@example.com")).orElseThrow(), id("ua-admin@example.com"), Role.EDITOR));
        assertThat(lastAdmin).hasMessageContaining("last active admin");
        admin.get("/newsroom/users");
        assertThat(admin.post("/newsroom/users/" + id("second-admin@example.com") + "/enable", Map.of()).status()).isEqualTo(302);
    }
}
