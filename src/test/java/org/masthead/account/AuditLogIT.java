package org.masthead.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** Issue 9: the audit log records sign-ins, permission and token changes and every workflow move, with filters and a safe CSV. */
class AuditLogIT {
    @Test
    void admins_see_who_did_what_when_and_from_where_and_export_it_as_csv_issue_9() {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var admin = app.signedIn("audit-admin@example.com", Role.ADMIN);
            var editor = app.signedIn("audit-editor@example.com", Role.EDITOR);
            app.browser().signIn("audit-editor@example.com", "wrong password");
            assertThat(admin.post("/newsroom/users", Map.of("email", "=cmd@example.com", "name", "Formula", "role", "contributor")).status()).isEqualTo(201);
            admin.post("/newsroom/tokens", Map.of("name", "audit", "scope", "read"));
            long news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
            var res = editor.post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(news, "Audited story", Map.of("action", "publish"))));
            long id = Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
            var page = admin.get("/newsroom/audit").body();
            assertThat(page).contains("account.sign-in").contains("account.sign-in-refused").contains("account.add-contributor")
                .contains("token.create-read").contains("article.publish").contains("article:" + id).contains("127.0.0.1");
            var kills = admin.get("/newsroom/audit?action=article.publish&who=audit-editor@example.com").body();
            assertThat(kills).contains("article.publish").doesNotContain("token.create-read");
            assertThat(admin.get("/newsroom/audit?from=2001-01-01&to=2001-01-02").body()).contains("Nothing logged that matches.");
            assertThat(admin.get("/newsroom/audit?from=yesterday").status()).isEqualTo(400);
            var csv = admin.get("/newsroom/audit.csv");
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.body()).startsWith("at,who,action,subject,address\r\n").contains("article.publish").contains(",audit-editor@example.com,");
            assertThat(AuditLog.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
            assertThat(AuditLog.cell("@SUM(1)")).isEqualTo("'@SUM(1)");
            assertThat(editor.get("/newsroom/audit").status()).isEqualTo(403);
        }
    }
}
