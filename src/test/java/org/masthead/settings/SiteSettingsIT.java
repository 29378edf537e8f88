package org.masthead.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/** Issue 10: admins set the site's name, tagline, language, time zone, colour and menus; an operator's key wins and is named. */
class SiteSettingsIT {
    static Map<String, String> form(Map<String, String> changes) {
        var m = new HashMap<>(Map.of("name", "The Harbour Gazette", "tagline", "News from the quay", "language", "en", "time_zone", "UTC",
            "accent", "#0b57d0", "header_links", "", "footer_links", "", "logo_id", "", "social_image_id", ""));
        m.putAll(changes);
        return m;
    }

    @Test
    void an_admin_renames_the_site_moves_it_to_arabic_and_new_york_time_and_every_page_follows_issue_10() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var story = PublishedSite.publish(app, 2);
            var admin = app.signedIn("settings-admin@example.com", Role.ADMIN);
            assertThat(app.browser().get(story).body()).contains("The Masthead"); // the configured default, cached now
            admin.get("/newsroom/settings");
            var saved = admin.post("/newsroom/settings", form(Map.of("name", "الميناء اليوم", "language", "ar", "time_zone", "America/New_York",
                "accent", "#B3261E", "footer_links", "About us | /about/\nCorrections policy | /corrections-policy/", "header_links", "Weather | https://weather.example/")));
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            var page = app.browser().get(story + "?after=settings").body();
            assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">").contains("| الميناء اليوم</title>").contains("News from the quay")
                .contains("<a href=\"/about/\" dir=\"auto\">About us</a>").contains("<a href=\"https://weather.example/\" dir=\"auto\">Weather</a>")
                .containsPattern("\\d{2}:\\d{2} E[SD]T</time>").contains("href=\"/theme.css?v=b3261e\"");
            assertThat(app.browser().get("/theme.css?v=b3261e").body()).contains("--accent: #b3261e;");
            assertThat(app.browser().get("/feeds/all.rss").body()).contains("<title>الميناء اليوم</title>").contains("<language>ar</language>");
            assertThat(admin.get("/newsroom/articles").body()).contains("الميناء اليوم newsroom");

            admin.get("/newsroom/settings");
            var bad = admin.post("/newsroom/settings", form(Map.of("name", "", "time_zone", "Mars/Olympus", "accent", "red", "language", "not a tag",
                "footer_links", "javascript:alert(1)", "logo_id", "999999", "tagline", "Typed tagline")));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("Give the site a name").contains("Choose a time zone").contains("#rrggbb").contains("BCP 47")
                .contains("Write each link as").contains("There is no photo 999999").contains("value=\"Typed tagline\"");
            assertThat(app.browser().get(story + "?after=bad").body()).as("a refusal changes nothing").contains("| الميناء اليوم</title>");
            var editor = app.signedIn("settings-editor@example.com", Role.EDITOR);
            assertThat(editor.get("/newsroom/settings").status()).isEqualTo(403);
        }
    }

    @Test
    void a_key_the_operator_set_wins_and_is_named_on_the_settings_page_issue_10() {
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("site.time-zone", "Europe/London"))) {
            var admin = app.signedIn("locked-admin@example.com", Role.ADMIN);
            var page = admin.get("/newsroom/settings").body();
            assertThat(page).contains("site.time-zone / MASTHEAD_SITE_TIME_ZONE").containsPattern("id=\"time_zone\"[^>]*value=\"Europe/London\"\\s+disabled");
            assertThat(admin.post("/newsroom/settings", form(Map.of("time_zone", "Asia/Tokyo"))).status()).isEqualTo(303);
            int stored = app.services().db().read(h -> h.createQuery("select count(*) from site_setting where key = 'time_zone'").mapTo(Integer.class).one());
            assertThat(stored).as("the operator's time zone is not overridden").isZero();
            assertThat(admin.get("/newsroom/settings").body()).contains("value=\"Europe/London\"");
        }
    }
}
