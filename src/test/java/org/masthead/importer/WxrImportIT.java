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
        importer = org.masthead.app.App.wxrImport(s, app.config(), java.time.Clock.systemUTC());
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
        var totals = new TreeMap<ArticleStatus, Integer>(statuses()); // what other tests imported before, plus these
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
        int privateNotes = app.services().db().read(h -> h.createQuery("select count(*) from article_note where text like 'Private in WordPress%'").mapTo(Integer.class).one());
        assertThat(privateNotes).as("small-export's private post is a draft flagged on the desk").isEqualTo(1);
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

    /** A small export of our own with what real ones carry: attachments, a featured image, [caption], [gallery], an embed, co-authors, Yoast. */
    static String mediaExport(String attachmentHost) {
        var meta = "a:2:{s:5:\"width\";i:100;s:10:\"image_meta\";a:3:{s:6:\"credit\";s:9:\"WP Credit\";s:9:\"copyright\";s:12:\"WP Copyright\";s:6:\"camera\";s:4:\"X100\";}}";
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
            <title>Media Gazette</title><link>https://media-gazette.example</link><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://media-gazette.example</wp:base_site_url>
            <wp:author><wp:author_login>omar</wp:author_login><wp:author_email>omar@media-gazette.example</wp:author_email>
              <wp:author_display_name><![CDATA[عمر الفاروق]]></wp:author_display_name></wp:author>
            <item><title>Reference photo</title><link>https://media-gazette.example/?attachment_id=101</link><dc:creator>omar</dc:creator>
              <excerpt:encoded><![CDATA[Caption from WordPress]]></excerpt:encoded><wp:post_id>101</wp:post_id><wp:post_parent>200</wp:post_parent>
              <wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
              <wp:attachment_url>HOST/wp-content/uploads/2020/01/ref.jpg</wp:attachment_url>
              <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2020/01/ref.jpg</wp:meta_value></wp:postmeta>
              <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Alt from WordPress]]></wp:meta_value></wp:postmeta>
              <wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value><![CDATA[META]]></wp:meta_value></wp:postmeta></item>
            <item><title>other</title><link>https://media-gazette.example/?attachment_id=102</link><wp:post_id>102</wp:post_id><wp:post_parent>200</wp:post_parent>
              <wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
              <wp:attachment_url>HOST/wp-content/uploads/2020/01/other.jpg</wp:attachment_url>
              <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2020/01/other.jpg</wp:meta_value></wp:postmeta></item>
            <item><title>gone</title><wp:post_id>103</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
              <wp:attachment_url>HOST/wp-content/uploads/2020/01/gone.jpg</wp:attachment_url>
              <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2020/01/gone.jpg</wp:meta_value></wp:postmeta></item>
            <item><title>Jane Doe</title><wp:post_id>150</wp:post_id><wp:post_type>guest-author</wp:post_type><wp:status>publish</wp:status>
              <wp:postmeta><wp:meta_key>cap-user_login</wp:meta_key><wp:meta_value>jane</wp:meta_value></wp:postmeta>
              <wp:postmeta><wp:meta_key>cap-display_name</wp:meta_key><wp:meta_value><![CDATA[ג'יין דו]]></wp:meta_value></wp:postmeta></item>
            <item><title>Flood waters rise</title><link>https://media-gazette.example/2020/01/flood-waters-rise/</link><dc:creator>omar</dc:creator>
              <content:encoded><![CDATA[The river rose overnight.
            Sandbags went up.

            [caption id="attachment_102" align="alignnone" width="300"]<img class="size-medium wp-image-102" src="HOST/wp-content/uploads/2020/01/other-300x200.jpg" alt="" /> Inline caption[/caption]

            [gallery ids="101,102"]

            https://www.youtube.com/watch?v=dQw4w9WgXcQ

            <img src="HOST/wp-content/uploads/2020/01/gone.jpg" alt="gone" />

            The end.]]></content:encoded>
              <excerpt:encoded></excerpt:encoded><wp:post_id>200</wp:post_id><wp:post_date>2020-01-05 10:00:00</wp:post_date>
              <wp:post_date_gmt>2020-01-05 10:00:00</wp:post_date_gmt><wp:post_name>flood-waters-rise</wp:post_name><wp:status>publish</wp:status>
              <wp:post_type>post</wp:post_type><category domain="category" nicename="local">Local</category>
              <category domain="category" nicename="weather">Weather</category><category domain="post_tag" nicename="floods">Floods</category>
              <category domain="author" nicename="cap-jane">jane</category><category domain="author" nicename="cap-omar">omar</category>
              <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>101</wp:meta_value></wp:postmeta>
              <wp:postmeta><wp:meta_key>_yoast_wpseo_title</wp:meta_key><wp:meta_value>%%title%% %%sep%% %%sitename%%</wp:meta_value></wp:postmeta>
              <wp:postmeta><wp:meta_key>_yoast_wpseo_metadesc</wp:meta_key><wp:meta_value>Yoast description</wp:meta_value></wp:postmeta></item>
            </channel></rss>
            """.replace("HOST", attachmentHost).replace("META", meta);
    }

    @Test
    void attachments_become_photos_with_their_words_featured_images_leads_and_shortcodes_figures_issue_11() throws Exception {
        var dir = Files.createTempDirectory("wxr-media");
        var uploads = Files.createDirectories(dir.resolve("uploads/2020/01"));
        Files.copy(Testdata.resolve("photos/iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg"), uploads.resolve("ref.jpg"));
        Files.copy(Testdata.resolve("photos/metadata-extractor/photoshop-3.jpg"), uploads.resolve("other.jpg"));
        var file = Files.writeString(dir.resolve("media.xml"), mediaExport("https://media-gazette.example"));
        var options = new WxrImport.Options(false, dir.resolve("uploads"), false, false, false, p -> { }); // other categories dropped
        var report = importer.run(file, admin, options);
        assertThat(report.photos()).isEqualTo(2);
        assertThat(report.problems()).anyMatch(p -> p.contains("gone.jpg")).anyMatch(p -> p.contains("left out"));
        var story = app.services().articles().findPublished("local", "flood-waters-rise").orElseThrow();
        var lead = story.leadPhoto();
        assertThat(lead).isNotNull();
        assertThat(lead.caption()).isEqualTo("Caption from WordPress");
        assertThat(lead.altText()).isEqualTo("Alt from WordPress");
        assertThat(lead.credit()).as("image_meta's credit first").isEqualTo("WP Credit");
        var library = app.services().uploads().find(lead.id()).orElseThrow();
        assertThat(library.copyright()).isEqualTo("WP Copyright");
        assertThat(library.creator()).as("then the file's own IPTC").contains("Creator1");
        assertThat(story.authors()).extracting(a -> a.displayName()).containsExactly("ג'יין דו", "عمر الفاروق");
        assertThat(story.tags()).as("a second category dropped when asked; tags kept").extracting(t -> t.name()).containsExactly("Floods");
        assertThat(story.seo().title()).isEqualTo("Flood waters rise");
        assertThat(story.seo().description()).isEqualTo("Yoast description");
        var body = org.jsoup.Jsoup.parseBodyFragment(story.bodyHtml());
        assertThat(body.select("p").first().html().replaceAll("\\s+", "")).as("a single newline is a line break").contains("overnight.<br>Sandbags");
        var inline = body.selectFirst("figure.inline-photo");
        assertThat(inline).isNotNull();
        assertThat(inline.selectFirst("figcaption .caption").text()).isEqualTo("Inline caption");
        assertThat(inline.selectFirst("img").attr("src")).startsWith("/media/");
        assertThat(body.select("div.gallery figure.inline-photo")).hasSize(2);
        assertThat(body.select("figure.embed[data-provider=youtube][data-embed-id=dQw4w9WgXcQ]")).hasSize(1);
        assertThat(body.select("img[alt=gone]")).isEmpty();
        assertThat(app.browser().get(story.path()).body()).contains("Inline caption").contains("WP Credit");
        var photosBefore = app.services().mediaStore().search("", org.masthead.media.MediaStore.Filter.ALL, 1000, 0).size();
        var again = importer.run(file, admin, options);
        assertThat(again.created()).isZero();
        assertThat(again.photos()).isZero();
        assertThat(app.services().mediaStore().search("", org.masthead.media.MediaStore.Filter.ALL, 1000, 0)).hasSize(photosBefore);
        // --fetch-media goes through the SSRF guard: a private address is refused and reported, never fatal.
        var fetched = Files.writeString(dir.resolve("fetch.xml"), mediaExport("http://127.0.0.1:9").replace("media-gazette.example", "fetch-gazette.example"));
        var refused = importer.run(fetched, admin, new WxrImport.Options(false, null, true, true, p -> { }));
        assertThat(refused.users()).as("--create-users: the export's author, as a contributor").isEqualTo(1);
        var omar = app.services().users().findByEmail("omar@fetch-gazette.example").orElseThrow();
        assertThat(omar.role()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(omar.displayName()).isEqualTo("عمر الفاروق");
        assertThat(refused.stories()).isEqualTo(1);
        assertThat(refused.problems()).anyMatch(p -> p.contains("was not fetched"));
    }

    @Test
    void every_export_in_testdata_imports_to_its_oracle_counts_issue_11() throws Exception {
        var oracle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Testdata.resolve("wxr/oracle-wxr.json").toFile());
        int files = 0;
        try (var own = TestApp.start(engine())) { // a site of its own: the other tests count what they import
        var admin = own.services().accounts().create("oracle-admin@example.com", "Oracle Admin", Role.ADMIN, "oracle admin password 1");
        var importer = org.masthead.app.App.wxrImport(own.services(), own.config(), java.time.Clock.systemUTC());
        for (var entry : oracle) {
            var file = Testdata.resolve("wxr/" + entry.get("file").asText());
            if (!entry.path("well_formed").asBoolean()) {
                catchThrowableOfType(WxrReader.WxrException.class, () -> importer.run(file, admin, false));
                continue;
            }
            var report = importer.run(file, admin, false);
            var byType = entry.get("items_by_post_type");
            var name = entry.get("file").asText();
            assertThat(report.stories()).as(name + ": posts").isEqualTo(byType.path("post").asInt(0));
            int skippedPages = report.notImported().entrySet().stream().filter(e -> e.getKey().startsWith("page (")).mapToInt(Map.Entry::getValue).sum();
            assertThat(report.pages() + skippedPages).as(name + ": pages").isEqualTo(byType.path("page").asInt(0));
            byType.properties().forEach(t -> {
                if (!t.getKey().equals("post") && !t.getKey().equals("page") && !t.getKey().equals("guest-author")) {
                    assertThat(report.notImported()).as(name + ": " + t.getKey() + " counted").containsEntry(t.getKey(), t.getValue().asInt());
                }
            });
            assertThat(report.comments()).as(name + ": comments").isEqualTo(entry.path("comments").asInt(0));
            assertThat(report.problems()).as(name).noneMatch(p -> p.contains("Invalid") || p.contains("Forbidden") || p.contains("IllegalState"));
            files++;
        }
        }
        assertThat(files).isGreaterThan(20);
    }
}
