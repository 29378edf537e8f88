package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** NewsArticle JSON-LD, sharing tags, canonical URLs, 410 for taken-down stories, case redirects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructuredDataIT {
    TestApp app;
    Browser editor;
    long news;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE);
        editor = app.signedIn("sd@example.com", Role.EDITOR);
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
    }

    @AfterAll
    void stop() { app.close(); }

    long publish(String headline, Map<String, String> overrides, byte[] photo) {
        var form = Fixtures.articleForm(news, headline, overrides);
        form.put("action", "publish");
        var res = editor.postMultipart("/newsroom/articles", form, "photo", "p.jpg", photo);
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    static String jsonLd(String html) {
        var m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void article_pages_carry_news_article_json_ld_with_the_photo_credit() throws Exception {
        long id = publish("Council </script><script>alert(1)</script> & budget", Map.of("photo_copyright", "© 2026 Masthead",
            "tags", "Budget, Council"), Fixtures.jpeg(1600, 900, 4));
        var a = app.services().articles().find(id).orElseThrow();
        var html = app.browser().get(a.path()).body();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        var ld = new ObjectMapper().readTree(jsonLd(html));
        assertThat(ld.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo("Council </script><script>alert(1)</script> & budget");
        assertThat(ld.get("articleSection").asText()).isEqualTo("News");
        assertThat(ld.get("keywords").asText()).isEqualTo("Budget, Council");
        assertThat(ld.get("dateline").asText()).isEqualTo("HARROWGATE");
        assertThat(ld.get("datePublished").asText()).endsWith("Z");
        assertThat(ld.get("author").get(0).get("name").asText()).isEqualTo("Clara Wren");
        assertThat(ld.get("publisher").get("@type").asText()).isEqualTo("NewsMediaOrganization");
        assertThat(ld.get("publisher").get("logo").get("url").asText()).contains("/assets/logo.svg");
        assertThat(ld.get("mainEntityOfPage").asText()).isEqualTo("http://localhost:8080" + a.path());
        var image = ld.get("image");
        assertThat(image.get("creditText").asText()).isEqualTo("MASTHEAD/Jane Doe");
        assertThat(image.get("creator").get("name").asText()).isEqualTo("Jane Doe");
        assertThat(image.get("copyrightNotice").asText()).isEqualTo("© 2026 Masthead");
        assertThat(image.get("width").asInt()).isEqualTo(1600);
        assertThat(html).contains("<meta property=\"og:type\" content=\"article\">")
            .contains("<meta property=\"og:image\" content=\"http://localhost:8080/media/r/")
            .contains("wide-w1280-f50x50.jpg\">")
            .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
            .contains("<link rel=\"canonical\" href=\"http://localhost:8080" + a.path() + "\">");
    }

    @Test
    void fronts_and_home_describe_themselves() throws Exception {
        publish("Front page story", Map.of(), Fixtures.jpeg(800, 450, 5));
        var front = new ObjectMapper().readTree(jsonLd(app.browser().get("/news/").body()));
        assertThat(front.get("@type").asText()).isEqualTo("CollectionPage");
        assertThat(front.get("breadcrumb").get("itemListElement")).hasSize(2);
        var home = new ObjectMapper().readTree(jsonLd(app.browser().get("/").body()));
        assertThat(home.get("@type").asText()).isEqualTo("WebSite");
    }

    @Test
    void taken_down_stories_are_gone_and_case_variants_redirect() {
        long id = publish("Story to take down", Map.of(), Fixtures.jpeg(400, 300, 6));
        var path = app.services().articles().find(id).orElseThrow().path();
        assertThat(app.browser().get(path.toUpperCase()).status()).isEqualTo(301);
        assertThat(app.browser().get(path.toUpperCase()).header("Location")).isEqualTo(path);
        assertThat(app.browser().get("/NEWS/").header("Location")).isEqualTo("/news/");
        editor.postMultipart("/newsroom/articles/" + id, Map.of("action", "unpublish"), "photo", "", null);
        var gone = app.browser().get(path);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("taken down").contains("href=\"/\"");
        assertThat(app.browser().get("/news/never-existed").status()).isEqualTo(404);
    }
}
