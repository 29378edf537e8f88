package org.masthead.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.account.User;
import org.masthead.article.Article;
import org.masthead.article.ArticleDraft;
import org.masthead.article.PhotoUse;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** Issue 8: bylines, tags and headlines in seven scripts stay distinct, each with its own working page, feed and sitemap entry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NamesInEveryScriptIT {
    /** headline, byline, tag: Arabic (two reporters), Hebrew, Cyrillic, Greek, Chinese, Devanagari, accented Latin. */
    static final List<String[]> STORIES = List.of(
        new String[] {"مجلس المدينة يقر خطة الفيضانات 2027", "أحمد منصور", "الميزانية"},
        new String[] {"وزير المالية يعلن الميزانية", "سارة الخطيب", "الاقتصاد"},
        new String[] {"העירייה מאשרת תוכנית חדשה", "דוד לוי", "תקציב"},
        new String[] {"Городской совет одобрил план", "Анна Иванова", "Бюджет"},
        new String[] {"Το δημοτικό συμβούλιο ενέκρινε", "Ελένη Παππά", "Προϋπολογισμός"},
        new String[] {"市议会批准防洪计划", "王小明", "预算"},
        new String[] {"नगर परिषद ने योजना को मंजूरी दी", "प्रिया शर्मा", "बजट"},
        new String[] {"Café owners vote on opening hours", "José Núñez", "Économie"});

    TestApp app;
    User admin;
    final List<Article> published = new ArrayList<>();

    abstract Database.Engine engine();

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        var s = app.services();
        admin = s.accounts().create("names-admin@example.com", "Names Admin", Role.ADMIN, "names admin password 1");
        long section = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
        for (var story : STORIES) {
            var draft = new ArticleDraft(story[0], "", section, "", "<p>نص. Text.</p>", "", List.of(story[1]), List.of(story[2]));
            var saved = (Publishing.Result.Saved) s.publishing().create(admin, draft, (PhotoUse) null);
            published.add(((Publishing.Result.Saved) s.publishing().publish(admin, saved.article().id())).article());
        }
    }

    @AfterAll
    void stop() { app.close(); }

    @Test
    void every_script_keeps_its_own_author_tag_and_article_slug_issue_8() {
        var authors = published.stream().map(a -> a.authors().get(0)).toList();
        assertThat(authors.stream().map(Author::id).distinct()).hasSize(STORIES.size());
        assertThat(authors.stream().map(Author::slug).distinct()).hasSize(STORIES.size());
        for (int i = 0; i < STORIES.size(); i++) {
            var a = published.get(i);
            assertThat(a.authors().get(0).displayName()).isEqualTo(STORIES.get(i)[1]);
            assertThat(a.tags().get(0).name()).isEqualTo(STORIES.get(i)[2]);
            assertThat(a.slug()).isNotEqualTo("item").doesNotMatch("[0-9]+");
            assertThat(Slugs.isValid(a.slug())).as(a.slug()).isTrue();
        }
        assertThat(published.get(0).slug()).isEqualTo("مجلس-المدينة-يقر-خطة-الفيضانات-2027");
        assertThat(published.get(7).slug()).isEqualTo("cafe-owners-vote-on-opening-hours");
        assertThat(published.get(5).authors().get(0).slug()).isEqualTo("王小明");
        assertThat(published.get(3).tags().get(0).slug()).isEqualTo("бюджет");
    }

    @Test
    void each_article_author_and_tag_page_answers_at_its_percent_encoded_url_issue_8() {
        for (int i = 0; i < STORIES.size(); i++) {
            var a = published.get(i);
            assertThat(a.path()).matches("[\\x21-\\x7e]+");
            var page = app.browser().get(a.path());
            assertThat(page.status()).as(a.path()).isEqualTo(200);
            var author = a.authors().get(0);
            assertThat(page.body()).contains("<a class=\"author\" dir=\"auto\" href=\"" + author.path() + "\">" + STORIES.get(i)[1] + "</a>");
            var authorPage = app.browser().get(author.path());
            assertThat(authorPage.status()).as(author.path()).isEqualTo(200);
            assertThat(authorPage.body()).contains(STORIES.get(i)[1]).contains(STORIES.get(i)[0]);
            var others = published.stream().filter(o -> o != a).map(Article::headline).toList();
            assertThat(authorPage.body()).doesNotContain(others);
            var tagPage = app.browser().get(a.tags().get(0).path());
            assertThat(tagPage.status()).isEqualTo(200);
            assertThat(tagPage.body()).contains(STORIES.get(i)[0]);
        }
    }

    @Test
    void author_feeds_parse_and_sitemaps_validate_with_unicode_names_issue_8() throws Exception {
        for (var a : published) {
            var au = a.authors().get(0);
            for (var ext : new String[] {".rss", ".atom"}) {
                var res = app.browser().get("/feeds/author/" + Slugs.encode(au.slug()) + ext);
                assertThat(res.status()).as(au.slug() + ext).isEqualTo(200);
                var feed = new SyndFeedInput().build(new StringReader(res.body()));
                assertThat(feed.getEntries()).hasSize(1);
                assertThat(feed.getEntries().get(0).getTitle()).isEqualTo(a.headline());
                assertThat(feed.getEntries().get(0).getLink()).endsWith(a.path());
            }
        }
        // Each Atom feed of an author in another script validates against RFC 4287 (jing), as the site's own feeds do.
        var rnc = org.masthead.testing.Testdata.resolve("schemas/atom/atom-rfc4287.rnc");
        for (var a : published) {
            var file = java.nio.file.Files.createTempFile("author-", ".atom");
            java.nio.file.Files.writeString(file, app.browser().get("/feeds/author/" + Slugs.encode(a.authors().get(0).slug()) + ".atom").body());
            var p = new ProcessBuilder("jing", "-c", rnc.toString(), file.toString()).redirectErrorStream(true).start();
            var out = new String(p.getInputStream().readAllBytes()).lines().filter(l -> !l.startsWith("[warning] /usr/bin/jing"))
                .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(out).as("jing on the Atom feed of " + a.authors().get(0).displayName()).isEmpty();
            java.nio.file.Files.delete(file);
        }
        var schemas = org.masthead.testing.Testdata.resolve("schemas/sitemaps");
        var tags = app.browser().get("/sitemaps/tags.xml").body();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schemas.resolve("sitemap.xsd").toFile())
            .newValidator().validate(new StreamSource(new StringReader(tags)));
        for (var a : published) assertThat(tags).contains(a.authors().get(0).path()).contains(a.tags().get(0).path());
        var news = app.browser().get("/sitemap-news.xml").body();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(schemas.resolve("local-urlset-with-google-extensions.xsd").toFile())
            .newValidator().validate(new StreamSource(new StringReader(news)));
        for (var a : published) assertThat(news).contains(a.path()).contains(a.headline());
    }

    @Test
    void names_are_found_by_exact_name_and_clashing_slugs_get_a_suffix_issue_8() {
        var s = app.services();
        long section = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
        var draft = new ArticleDraft("Jose and José", "", section, "", "", "", List.of("Jose Nunez", "José  Núñez"),
            List.of("économie", "Économie", "Economie"));
        var a = ((Publishing.Result.Saved) s.publishing().create(admin, draft, (PhotoUse) null)).article();
        assertThat(a.authors()).extracting(Author::displayName).containsExactly("Jose Nunez", "José Núñez");
        assertThat(a.authors().get(1).id()).isEqualTo(published.get(7).authors().get(0).id()); // the same person, white space folded
        assertThat(a.authors().get(0).slug()).isEqualTo("jose-nunez-2");
        assertThat(a.tags()).extracting(Tag::name).containsExactlyInAnyOrder("Économie", "Economie");
        assertThat(a.tags()).extracting(Tag::slug).containsExactlyInAnyOrder("economie", "economie-2");
    }

    @Test
    void normalizing_redirects_never_point_at_another_host_issue_8() {
        for (var path : List.of("/%2fevil.example", "/%2Fevil.example/", "/%5cevil.example", "/%5Cevil.example/x/", "/%2f%2fevil.example",
            "/tag/%2fevil.example", "/author/%5cevil.example", "/NEWS/%2fevil.example")) {
            var res = app.browser().get(path);
            var location = res.header("Location");
            if (location != null) {
                assertThat(location).as(path).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\").doesNotContain("\\");
            }
            assertThat(res.status()).as(path).isIn(301, 404);
        }
        var upper = app.browser().get("/NEWS/" + Slugs.encode(published.get(3).slug()));
        assertThat(upper.status()).isEqualTo(301);
        assertThat(upper.header("Location")).isEqualTo(published.get(3).path());
        var cased = app.browser().get("/news/" + Slugs.encode("Городской-совет-одобрил-план"));
        assertThat(cased.status()).isEqualTo(301);
        assertThat(cased.header("Location")).isEqualTo(published.get(3).path());
    }

    static Map<String, String> none() { return Map.of(); }
}
