package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.media.PhotoText;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** The story create and createPublished hand back (built from what they wrote, not read back) is exactly what a read gives, on both engines. */
class CreatedStoryIT {
    @Test
    void a_new_story_as_returned_equals_the_story_as_read_issue_11() {
        for (var engine : Database.Engine.values()) {
            try (var app = TestApp.start(engine)) {
                var s = app.services();
                var admin = s.accounts().create("created@example.com", "Created Admin", Role.ADMIN, "created admin password 1");
                var photo = s.uploads().upload(Fixtures.jpeg(400, 300, 9), new PhotoText("Library caption", "LIB/Credit", "Ann Lens", "© Lib", "Library alt", "T"), admin.id());
                var news = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
                var draft = new ArticleDraft("  Harbour reopens ", "Dek", news, "", "<p>Body <b>bold</b><script>x()</script></p>", "PORT ELSBY",
                    List.of("ليلى حداد", "Zoë Ward", "ليلى حداد"), List.of("zeta", "Alpha", "mu"), "ar", new Seo("S", "D", null));
                var use = new PhotoUse(photo.id(), "This story's caption", "STORY/Credit", "This story's alt", "Story title");
                var created = (Publishing.Result.Saved) s.publishing().create(admin, draft, use);
                assertThat(created.article()).as(engine + " create").isEqualTo(s.articles().find(created.article().id()).orElseThrow());
                var published = (Publishing.Result.Saved) s.publishing().createPublished(admin, draft, use, 1_700_000_000_000L);
                assertThat(published.article()).as(engine + " createPublished").isEqualTo(s.articles().find(published.article().id()).orElseThrow());
                assertThat(published.article().slug()).isNotEqualTo(created.article().slug());
                var bare = (Publishing.Result.Saved) s.publishing().create(admin, new ArticleDraft("No photo", "", news, "", "", "", List.of(), List.of()), (PhotoUse) null);
                assertThat(bare.article()).isEqualTo(s.articles().find(bare.article().id()).orElseThrow());
            }
        }
    }
}
