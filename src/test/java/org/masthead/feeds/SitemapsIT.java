package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.db.Database;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/** Every sitemap validates against the sitemaps.org and Google XSDs in ../shared/testdata/schemas/sitemaps. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SitemapsIT {
    abstract Database.Engine engine();

    static final Path XSD = org.masthead.testing.Testdata.resolve("schemas/sitemaps");
    TestApp app;
    long oldId;

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        var path = PublishedSite.publish(app, 5);
        oldId = app.services().articles().findPublished(path.split("/")[1], path.split("/")[2]).orElseThrow().id();
        long threeDaysAgo = System.currentTimeMillis() - 3 * 86_400_000L;
        app.services().db().useTransaction(h -> h.createUpdate("update article set published_at = :t where id = :id")
            .bind("t", threeDaysAgo).bind("id", oldId).execute());
    }

    @AfterAll
    void stop() { app.close(); }

    static void validate(String xsd, String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.resolve(xsd).toFile());
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void index_and_every_listed_sitemap_are_valid() throws Exception {
        var index = app.browser().get("/sitemap.xml");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("application/xml");
        validate("siteindex.xsd", index.body());
        var month = YearMonth.from(Instant.now().atZone(ZoneOffset.UTC));
        assertThat(index.body()).contains("/sitemaps/articles-" + month + ".xml").contains("/sitemaps/sections.xml");
        var locs = java.util.regex.Pattern.compile("<loc>http://localhost:8080(/sitemaps/[^<]+)</loc>").matcher(index.body());
        int checked = 0;
        while (locs.find()) {
            var file = app.browser().get(locs.group(1));
            assertThat(file.status()).as(locs.group(1)).isEqualTo(200);
            validate("local-urlset-with-google-extensions.xsd", file.body());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
        var articles = app.browser().get("/sitemaps/articles-" + month + ".xml").body();
        assertThat(articles).contains("<image:image><image:loc>http://localhost:8080/media/").containsPattern("<lastmod>\\d{4}-\\d\\d-\\d\\dT[^<]+Z</lastmod>");
        validate("sitemap.xsd", app.browser().get("/sitemaps/sections.xml").body());
        var tags = app.browser().get("/sitemaps/tags.xml").body();
        validate("sitemap.xsd", tags);
        assertThat(tags).contains("<loc>http://localhost:8080/tag/harbour/</loc>").contains("<loc>http://localhost:8080/author/clara-wren/</loc>");
        assertThat(app.browser().get("/sitemaps/articles-1999-01.xml").status()).isEqualTo(404);
        assertThat(app.browser().get("/sitemaps/../secrets.xml").status()).isEqualTo(404);
    }

    @Test
    void news_sitemap_lists_only_the_last_48_hours_with_publication_data() throws Exception {
        var news = app.browser().get("/sitemap-news.xml").body();
        validate("local-urlset-with-google-extensions.xsd", news);
        assertThat(news).contains("<news:name>The Masthead</news:name>").contains("<news:language>en</news:language>")
            .contains("<news:title>Story number 4 from the harbour</news:title>");
        var old = app.services().articles().find(oldId).orElseThrow();
        assertThat(news).doesNotContain(old.path() + "<");
        assertThat(java.util.regex.Pattern.compile("<url>").matcher(news).results().count()).isEqualTo(4);
    }

    @Test
    void robots_points_at_the_sitemaps_and_keeps_crawlers_out_of_the_newsroom() {
        var robots = app.browser().get("/robots.txt");
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        assertThat(robots.body()).contains("Disallow: /newsroom/").contains("Sitemap: http://localhost:8080/sitemap.xml")
            .contains("Sitemap: http://localhost:8080/sitemap-news.xml");
        assertThat(app.browser().get("/newsroom/sign-in").header("X-Robots-Tag")).isEqualTo("noindex");
    }
}
