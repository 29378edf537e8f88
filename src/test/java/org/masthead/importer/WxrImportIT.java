package org.masthead.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.account.User;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleStore;
import org.masthead.db.Database;
import org.masthead.page.Pages;
import org.masthead.testing.TestApp;
import org.masthead.testing.Testdata;

/** Issue 11, WordPress import (first part): posts, pages, statuses, dates and old links; again updates, never duplicates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WxrImportIT {
    TestApp app;
    User admin;
    WxrImport importer;

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        var s = app.services();
        admin = s.accounts().create("wxr-admin@example.com", "WXR Admin", Role.ADMIN, "wxr admin password 1");
        importer = new WxrImport(s.db(), s.publishing(), s.articles(), s.taxonomy(), new Pages(s.db(), s.taxonomy(), java.time.Clock.systemUTC()),
            java.time.ZoneOffset.UTC, java.time.Clock.systemUTC());
    }

    @AfterAll
    void stop() { app.close(); }

    Map<ArticleStatus, Integer> statuses() {
        var m = new TreeMap<ArticleStatus, Integer>();
        for (var a : app.services().articles().listForNewsroom(new ArticleStore.Filter(null, null), 10_000, 0)) m.merge(a.status(), 1, Integer::sum);
        return m;
    }

    static Map<ArticleStatus, Integer> expected(java.nio.file.Path file) throws Exception {
        var want = new TreeMap<ArticleStatus, Integer>();
        try (var in = Files.newInputStream(file)) {
            WxrReader.read(in, item -> {
                if (!item.postType().equals("post")) return;
                var s = switch (item.status()) {
                    case "publish" -> ArticleStatus.PUBLISHED;
                    case "pending" -> ArticleStatus.IN_REVIEW;
                    case "future" -> java.time.LocalDateTime.parse(item.dateGmt().replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC)
                        .isAfter(java.time.Instant.now()) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED; // a date gone by: published at once
                    default -> ArticleStatus.DRAFT;
                };
                want.merge(s, 1, Integer::sum);
            });
        }
        return want;
    }

    @Test
    void the_theme_unit_test_data_and_a_small_export_come_in_whole_and_a_second_import_duplicates_nothing_issue_11() throws Exception {
        var totals = new TreeMap<ArticleStatus, Integer>();
        int pagesBefore = new Pages(app.services().db(), app.services().taxonomy(), java.time.Clock.systemUTC()).list().size();
        int publishedPages = 0;
        for (var name : new String[] {"wordpress-importer/phpunit-data/small-export.xml", "theme-test-data/themeunittestdata.wordpress.xml"}) {
            var file = Testdata.resolve("wxr/" + name);
            var report = importer.run(file, admin, false);
            assertThat(report.problems()).as(name).noneMatch(p -> p.contains("Invalid") || p.contains("Forbidden") || p.contains("Refused"));
            expected(file).forEach((k, v) -> totals.merge(k, v, Integer::sum));
            var items = new ArrayList<WxrReader.Item>();
            try (var in = Files.newInputStream(file)) {
                WxrReader.read(in, items::add);
            }
            publishedPages += (int) items.stream().filter(i -> i.postType().equals("page") && i.status().equals("publish")).count();
            var again = importer.run(file, admin, false);
            assertThat(again.created()).as("a second import of " + name).isZero();
            assertThat(again.updated()).isEqualTo(report.created() + report.updated());
        }
        assertThat(statuses()).isEqualTo(totals);
        assertThat(new Pages(app.services().db(), app.services().taxonomy(), java.time.Clock.systemUTC()).list()).hasSize(pagesBefore + publishedPages);
        var hello = app.browser().get("/?p=1");
        assertThat(hello.status()).as("an old ?p= link").isEqualTo(301);
        assertThat(app.browser().get(hello.header("Location")).status()).isEqualTo(200);
        // The theme unit test's edge cases: HTML in titles is text, very long titles are shortened, unusual characters kept.
        var headlines = app.services().articles().listForNewsroom(new ArticleStore.Filter(null, null), 10_000, 0).stream().map(a -> a.headline()).toList();
        assertThat(headlines).allMatch(h -> h.length() <= 200 && !h.contains("<"));
        assertThat(headlines).anyMatch(h -> h.contains("Markup: Title With Markup"));
    }

    @Test
    void a_malformed_export_stops_with_where_and_imports_nothing_and_a_dry_run_stores_nothing_issue_11() throws Exception {
        int before = app.services().articles().listForNewsroom(new ArticleStore.Filter(null, null), 10_000, 0).size();
        var refused = catchThrowableOfType(WxrReader.WxrException.class,
            () -> importer.run(Testdata.resolve("wxr/wordpress-importer/phpunit-data/malformed.xml"), admin, false));
        assertThat(refused.getMessage()).contains("line ").contains("column ");
        var dry = importer.run(Testdata.resolve("wxr/wordpress-importer/phpunit-data/valid-wxr-1.1.xml"), admin, true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.stories() + dry.pages()).isPositive();
        assertThat(app.services().articles().listForNewsroom(new ArticleStore.Filter(null, null), 10_000, 0)).hasSize(before);
    }
}
