package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;

/**
 * Issue 12, as an Arabic site's reader: the site's own words (header search, Most Popular, the search page, archives,
 * pagers, share links, related stories, errors) are Arabic with Arabic plurals, the dates carry Arabic month names, no
 * English chrome is left, and the search page is axe-clean right to left.
 */
class ArabicReaderSiteIT {
    static final List<String> ENGLISH_CHROME = List.of("Skip to content", "Search stories", "Most Popular", "Related stories", "min read",
        "Published ", "Share this story", "Older stories", "Stories from", "Did you mean", "No stories match", "Page not found",
        "Go to the home page", "Published with Masthead", "Archive and feeds", "stories for", "E-mail");

    @Test
    void an_arabic_site_speaks_arabic_around_the_stories_with_its_plurals_and_month_names_issue_12() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("site.language", "ar", "site.name", "الخبر"))) {
            var s = app.services();
            var admin = s.accounts().create("ar-reader-admin@example.com", "مدير", Role.ADMIN, "arabic reader site password");
            var news = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
            String first = null;
            for (int i = 0; i < 23; i++) { // 23: more than a front's page, so the pager shows
                var headline = "الفيضانات تغمر الميناء " + i;
                var draft = new ArticleDraft(headline, "", news, "", "<p>" + headline + ". غمرت مياه الفيضانات أرصفة الميناء صباح الثلاثاء.</p>", "",
                    List.of("ليلى حداد"), List.of("الفيضانات"), "");
                var saved = (Publishing.Result.Saved) s.publishing().create(admin, draft, (Long) null);
                s.publishing().publish(admin, saved.article().id());
                if (first == null) first = s.articles().find(saved.article().id()).orElseThrow().path();
                s.popularity().beacon(saved.article().id(), Visitors.userAgent(3), null, "127.0.0.1");
            }
            s.popularity().tick();
            var api = app.browser();
            long deadline = System.currentTimeMillis() + 10_000; // the index follows the publishes within a second or so
            while (!api.get("/api/v1/search?q=" + URLEncoder.encode("الميناء", StandardCharsets.UTF_8)).body().contains("\"total\":23")
                && System.currentTimeMillis() < deadline) Thread.sleep(100);
            int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
            var reader = app.browser();
            var pages = new LinkedHashMap<String, String>();
            pages.put("home", reader.get("/").body());
            pages.put("front", reader.get("/news/").body());
            pages.put("article", reader.get(first).body());
            pages.put("search", reader.get("/search?q=" + URLEncoder.encode("الفيضانات", StandardCharsets.UTF_8)).body());
            pages.put("no-results", reader.get("/search?q=" + URLEncoder.encode("الفيضنات", StandardCharsets.UTF_8)).body());
            pages.put("year", reader.get("/" + year + "/").body());
            pages.put("corrections", reader.get("/corrections/").body());
            int monthNumber = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getMonthValue();
            pages.put("month", reader.get("/%d/%02d/".formatted(year, monthNumber)).body());
            var badDate = reader.get("/search?q=x&from=2026-13-45&to=2026-12-01");
            assertThat(badDate.status()).isEqualTo(400);
            assertThat(badDate.body()).as("the problem named in her language, what she typed kept").contains("تُكتب التواريخ بصيغة YYYY-MM-DD، وليس «2026-13-45»")
                .contains("name=\"q\" value=\"x\"").contains("value=\"2026-12-01\"");
            var missing = reader.get("/news/missing");
            assertThat(missing.status()).isEqualTo(404);
            pages.put("not-found", missing.body());
            for (var page : pages.entrySet()) {
                assertThat(page.getValue()).as(page.getKey()).contains("<html lang=\"ar\" dir=\"rtl\"").contains("انتقل إلى المحتوى")
                    .contains("ابحث في القصص").contains("يُنشر باستخدام Masthead");
                for (var english : ENGLISH_CHROME) assertThat(page.getValue()).as(page.getKey() + " has no English chrome").doesNotContain(english);
            }
            assertThat(pages.get("home")).contains("الأكثر قراءة").contains("الأحدث");
            assertThat(pages.get("front")).contains("قصص أقدم");
            assertThat(pages.get("article")).contains("بقلم").contains("نُشر في").contains("دقيقة قراءة واحدة").contains("شارك هذه القصة")
                .contains("البريد الإلكتروني").contains("قصص ذات صلة");
            var month = java.time.Month.from(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.forLanguageTag("ar"));
            assertThat(pages.get("article")).as("an Arabic month name in the dates").contains(month);
            assertThat(pages.get("search")).as("23 is 'many' in Arabic: the singular noun").contains("23 قصة عن «").contains("تضييق البحث");
            assertThat(pages.get("year")).contains("قصص عام " + year).contains("23 قصة");
            assertThat(pages.get("month")).as("a month's archive is the month's stories, not a year's").contains("<title>قصص " + month + " " + year)
                .contains("قصص أقدم");
            assertThat(pages.get("no-results")).contains("لا قصص تطابق «").contains("هل تقصد");
            assertThat(pages.get("not-found")).contains("الصفحة غير موجودة").contains("انتقل إلى الصفحة الرئيسية");

            var browser = Chromium.start(Visitors.userAgent(5), 390, 844);
            try {
                browser.get(app.baseUrl() + "/search?q=" + URLEncoder.encode("الفيضانات", StandardCharsets.UTF_8));
                assertThat(browser.findElement(org.openqa.selenium.By.cssSelector("[role=status]")).getText()).startsWith("23 قصة عن «");
                assertThat(browser.findElement(org.openqa.selenium.By.cssSelector(".search-results .meta time")).getCssValue("direction"))
                    .as("an Arabic date beside a Latin section name keeps its own order").isEqualTo("rtl");
                assertThat(Chromium.axeViolations(browser)).as("axe on the Arabic search page").isEmpty();
                assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth;"))
                    .isLessThanOrEqualTo((Long) browser.executeScript("return document.documentElement.clientWidth;"));
            } finally {
                browser.quit();
            }
        }
    }
}
