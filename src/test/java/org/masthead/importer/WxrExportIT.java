package org.masthead.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.account.Role;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleStore;
import org.masthead.article.Publishing;
import org.masthead.article.Seo;
import org.masthead.db.Database;
import org.masthead.page.Pages;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/** Issue 11: leaving to WordPress: the site as WXR 1.2, which a WordPress importer (ours here) reads back whole. */
class WxrExportIT {
    @Test
    void the_site_goes_out_as_wxr_and_comes_back_with_bylines_photos_and_search_fields_issue_11(@TempDir Path dir) throws Exception {
        var file = dir.resolve("site.xml");
        List<String> want;
        Path media;
        try (var source = TestApp.start(Database.Engine.SQLITE)) {
            var s = source.services();
            PublishedSite.publish(source, 3);
            var admin = s.users().findByEmail("site-admin@example.com").orElseThrow();
            var news = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
            var draft = new ArticleDraft("Two reporters, two scripts", "Dek", news, "two-scripts", "<p>Text ]]> with a CDATA end.</p>", "",
                List.of("ليلى حداد", "נועה כהן"), List.of("Elections"), "", new Seo("Search title", "Search description", null));
            var saved = (Publishing.Result.Saved) s.publishing().create(admin, draft, (Long) null);
            s.publishing().publish(admin, saved.article().id());
            new Pages(s.db(), s.taxonomy(), java.time.Clock.systemUTC()).create(null, new Pages.Draft("About us", "", "<p>Who we are.</p>", ""));
            try (var out = Files.newOutputStream(file)) {
                var summary = WxrExport.write(out, "Export Gazette", "https://export.example", java.time.ZoneOffset.UTC, s.taxonomy().listSections(),
                    s.articles(), s.mediaStore(), new Pages(s.db(), s.taxonomy(), java.time.Clock.systemUTC()).list());
                assertThat(summary.posts()).isEqualTo(4);
                assertThat(summary.attachments()).isEqualTo(3);
            }
            want = describe(s.articles());
            media = source.config().media().storageDir();
            var items = new ArrayList<WxrReader.Item>();
            try (var in = Files.newInputStream(file)) {
                var summary = WxrReader.read(in, items::add);
                assertThat(summary.itemsByPostType()).containsEntry("post", 4).containsEntry("attachment", 3).containsEntry("page", 1);
                assertThat(summary.authors()).extracting(WxrReader.Author::displayName).contains("ليلى حداد", "נועה כהן", "Clara Wren");
            }
            var copy = dir.resolve("media");
            copyTree(media, copy);
            media = copy;
        }
        try (var target = TestApp.start(Database.Engine.SQLITE)) {
            var s = target.services();
            var admin = s.accounts().create("back@example.com", "Back Admin", Role.ADMIN, "back admin password 1");
            var report = org.masthead.app.App.wxrImport(s, target.config(), java.time.Clock.systemUTC())
                .run(file, admin, new WxrImport.Options(false, media, false, false, p -> { }));
            assertThat(report.stories()).isEqualTo(4);
            assertThat(report.pages()).isEqualTo(1);
            assertThat(report.photos()).isEqualTo(3);
            assertThat(describe(s.articles())).isEqualTo(want);
        }
    }

    /** What must survive the trip, story by story: headline, path, status, bylines in order, tags, search fields, lead photo's words, body. */
    static List<String> describe(ArticleStore articles) {
        var out = new ArrayList<String>();
        for (var sum : articles.listForNewsroom(new ArticleStore.Filter(null, null, null), 100, 0)) {
            var a = articles.find(sum.id()).orElseThrow();
            var p = a.leadPhoto();
            out.add(a.headline() + " | " + a.path() + " | " + a.status() + " | " + (a.publishedAt() == null ? null : a.publishedAt() / 1000) + " s (WXR dates are to the second) | " + a.authors().stream().map(x -> x.displayName()).toList()
                + " | " + a.tags().stream().map(t -> t.name()).sorted().toList() + " | " + a.seo().title() + " / " + a.seo().description() + " | "
                + (p == null ? "-" : p.sha256() + " " + p.caption() + " / " + p.credit() + " / " + p.altText()) + " | " + a.bodyHtml());
        }
        java.util.Collections.sort(out);
        return out;
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (var p : walk.toList()) {
                var t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
