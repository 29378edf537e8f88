package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** Issue 12: tag, author and date archives page all the way back, at stable addresses, and follow a change. */
class ArchivesIT {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void tag_author_and_date_archives_page_all_the_way_back_and_follow_a_change_issue_12() {
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("site.time-zone", "America/New_York"))) {
            var s = app.services();
            var admin = s.accounts().create("archive-admin@example.com", "Archive Admin", Role.ADMIN, "archive admin password 1");
            long news = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
            var ids = new java.util.ArrayList<Long>();
            // 45 stories in September 2016 (New York time), one a day and a bit, the first at 23:30 on 31 August in New York
            // (already September in UTC: it belongs to August here).
            var start = ZonedDateTime.of(2016, 8, 31, 23, 30, 0, 0, NEW_YORK);
            for (int i = 0; i < 45; i++) {
                var draft = new ArticleDraft("Archive story " + i + " about the quay", "", news, "", "<p>Story " + i + ".</p>", "",
                    List.of(i % 2 == 0 ? "Clara Wren" : "كلارا رن"), List.of("Quayside"));
                long id = ((Publishing.Result.Saved) s.publishing().create(admin, draft, (Long) null)).article().id();
                s.publishing().publish(admin, id);
                long at = start.plusMinutes(i == 0 ? 0 : 31 + (i - 1) * 900L).toInstant().toEpochMilli();
                s.publishing().backdate(admin, id, at);
                ids.add(id);
            }
            var b = app.browser();

            var tag1 = b.get("/tag/quayside/");
            assertThat(tag1.status()).isEqualTo(200);
            assertThat(tag1.body()).contains("Archive story 44 about").doesNotContain("Archive story 24 about")
                .contains("href=\"/tag/quayside/?page=2\" rel=\"next\"").doesNotContain("rel=\"prev\"");
            var tag3 = b.get("/tag/quayside/?page=3");
            assertThat(tag3.status()).isEqualTo(200);
            assertThat(tag3.body()).contains("Archive story 0 about").contains("Archive story 4 about").doesNotContain("Archive story 5 about")
                .contains("href=\"/tag/quayside/?page=2\" rel=\"prev\"").doesNotContain("rel=\"next\"").contains("<title>Quayside (page 3)");
            assertThat(b.get("/tag/quayside/?page=4").status()).as("past the last page").isEqualTo(404);
            assertThat(b.get("/tag/quayside/?page=x").status()).isEqualTo(400);
            assertThat(b.get("/tag/quayside/?page=100001").status()).isEqualTo(400);

            var arabic = "/author/" + org.masthead.taxonomy.Slugs.encode(s.articles().find(ids.get(1)).orElseThrow().authors().get(0).slug()) + "/";
            var author = b.get(arabic);
            assertThat(author.status()).as(arabic).isEqualTo(200);
            assertThat(author.body()).contains("Archive story 43 about").doesNotContain("Archive story 44 about").contains("?page=2\" rel=\"next\"");
            assertThat(b.get(arabic + "?page=2").body()).contains("Archive story 1 about").doesNotContain("rel=\"next\"");

            var year = b.get("/2016/");
            assertThat(year.status()).isEqualTo(200);
            assertThat(year.body()).contains("href=\"/2016/09/\">September 2016</a> <span class=\"meta\">44 stories")
                .contains("href=\"/2016/08/\">August 2016</a> <span class=\"meta\">1 story");
            assertThat(b.get("/2016/09").status()).as("a month without its slash").isEqualTo(301);
            var month = b.get("/2016/09/");
            assertThat(month.status()).isEqualTo(200);
            assertThat(month.body()).contains("<h1 dir=\"auto\">September 2016</h1>").contains("Archive story 44 about")
                .doesNotContain("Archive story 0 about").contains("href=\"/2016/09/?page=2\" rel=\"next\"");
            assertThat(b.get("/2016/09/?page=3").body()).contains("Archive story 1 about").doesNotContain("Archive story 0 about");
            assertThat(b.get("/2016/08/").body()).contains("Archive story 0 about");
            assertThat(b.get("/2016/07/").status()).as("a month without stories").isEqualTo(404);
            assertThat(b.get("/2016/13/").status()).isEqualTo(301); // not a month: the story-address rule (no trailing slash) applies
            assertThat(b.get("/1999/").status()).as("before the archive begins").isEqualTo(404);
            assertThat(b.get("/2017/").body()).as("a year inside the archive without stories says so").contains("No stories were published in 2017");
            assertThat(b.get("/").body()).contains("href=\"/" + java.time.Year.now(NEW_YORK) + "/\">Archive</a>").contains("href=\"/feeds/all.rss\">RSS</a>");

            // Every cached page of a listing follows a change: unpublishing the oldest story takes it off page 3, the year and August.
            s.publishing().unpublish(admin, ids.get(0));
            assertThat(b.get("/tag/quayside/?page=3").body()).doesNotContain("Archive story 0 about");
            assertThat(b.get("/2016/").body()).doesNotContain("August 2016");
            assertThat(b.get("/2016/08/").status()).isEqualTo(404);
        }
    }
}
