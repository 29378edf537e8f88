package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 8, tried as an editor working in Arabic on a 390 px phone: the story, its byline, tag and
 * photo caption are what she typed, right-to-left where they are, each with its own page; no page
 * scrolls sideways, the buttons are in reach, and nothing trips the Content-Security-Policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArabicEditorOnAPhoneIT {
    TestApp app;
    ChromeDriver phone;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE);
        phone = Chromium.start(Visitors.userAgent(7), 390, 844);
        Chromium.recordCspViolations(phone);
    }

    @AfterAll
    void stop() {
        if (phone != null) phone.quit();
        app.close();
    }

    WebDriverWait waitUpTo(int seconds) { return new WebDriverWait(phone, Duration.ofSeconds(seconds)); }

    long scrollWidth() { return (Long) phone.executeScript("return document.documentElement.scrollWidth;"); }

    long viewportWidth() { return (Long) phone.executeScript("return document.documentElement.clientWidth;"); }

    @Test
    void an_arabic_story_written_on_a_phone_credits_its_reporter_and_reads_right_to_left_issue_8() throws Exception {
        app.services().accounts().create("layla@example.com", "ليلى حداد", Role.EDITOR, "layla's desk password");
        Fixtures.knownAuthors(app, "أحمد منصور", "سارة الخطيب");
        Fixtures.knownTags(app, "الميزانية");
        var photo = java.nio.file.Files.createTempFile("phone-", ".jpg");
        java.nio.file.Files.write(photo, Fixtures.jpeg(1200, 800, 42));
        phone.get(app.baseUrl() + "/newsroom/sign-in");
        phone.findElement(By.id("email")).sendKeys("layla@example.com");
        phone.findElement(By.id("password")).sendKeys("layla's desk password");
        phone.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/newsroom/articles"));
        assertThat(scrollWidth()).as("article list at 390 px").isLessThanOrEqualTo(viewportWidth());

        phone.get(app.baseUrl() + "/newsroom/articles/new");
        waitUpTo(15).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("body_ifr"));
        var body = phone.findElement(By.id("tinymce"));
        body.click();
        body.sendKeys("افتتح المجلس جلسته صباح الثلاثاء.");
        phone.switchTo().defaultContent();
        phone.findElement(By.id("headline")).sendKeys("مجلس المدينة يقر خطة الفيضانات");
        new Select(phone.findElement(By.id("section"))).selectByVisibleText("News");
        assertThat(phone.findElement(By.id("headline")).getCssValue("direction")).isEqualTo("ltr"); // the site's language, English
        new Select(phone.findElement(By.id("language"))).selectByValue("ar");
        assertThat(phone.findElement(By.id("headline")).getCssValue("direction")).as("the editor turns with the story's language").isEqualTo("rtl");
        assertThat(phone.findElement(By.id("dek")).getCssValue("direction")).isEqualTo("rtl");
        phone.switchTo().frame("body_ifr");
        assertThat(phone.findElement(By.id("tinymce")).getCssValue("direction")).isEqualTo("rtl");
        phone.switchTo().defaultContent();
        phone.findElement(By.id("bylines")).sendKeys("أحمد منصور، سارة الخطيب".replace("، ", ", "));
        phone.findElement(By.id("tags")).sendKeys("الميزانية");
        phone.findElement(By.id("photo")).sendKeys(photo.toString());
        phone.findElement(By.id("photo_caption")).sendKeys("أعضاء المجلس يغادرون القاعة بعد التصويت.");
        phone.findElement(By.id("photo_credit")).sendKeys("MASTHEAD/يوسف علي");
        phone.findElement(By.id("photo_alt")).sendKeys("خمسة أعضاء ينزلون درجاً حجرياً");
        assertThat(Chromium.sidewaysScroll(phone)).as("editor at 390 px").containsEntry("overflow", 0L);
        var publish = phone.findElement(By.cssSelector("button[value=publish]"));
        assertThat(publish.isDisplayed()).isTrue();
        var rect = publish.getRect();
        assertThat(rect.getWidth()).as("a button a thumb can hit").isGreaterThanOrEqualTo(44);
        assertThat(rect.getX() + rect.getWidth()).isLessThanOrEqualTo((int) viewportWidth());
        ((org.openqa.selenium.JavascriptExecutor) phone).executeScript("arguments[0].scrollIntoView({block: 'center'});", publish);
        publish.click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(Chromium.cspViolations(phone)).as("CSP violations in the newsroom").isEmpty();
        phone.findElement(By.linkText("View on site")).click();

        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(phone.getCurrentUrl()).contains("/news/%D9%85%D8%AC%D9%84%D8%B3-");
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("مجلس المدينة يقر خطة الفيضانات");
        assertThat(phone.findElement(By.tagName("h1")).getCssValue("direction")).isEqualTo("rtl");
        assertThat(phone.findElement(By.cssSelector(".story .body")).getCssValue("direction")).isEqualTo("rtl");
        assertThat(phone.findElement(By.cssSelector("article.story")).getAttribute("lang")).isEqualTo("ar");
        assertThat(rightAligned(".story .body p")).as("the body's text sits against the right edge").isTrue();
        var bylines = phone.findElements(By.cssSelector(".byline a.author"));
        assertThat(bylines).extracting(e -> e.getText()).containsExactly("أحمد منصور", "سارة الخطيب");
        assertThat(bylines).extracting(e -> e.getAttribute("dir")).containsOnly("auto");
        var caption = phone.findElement(By.cssSelector("figure.lead-photo .caption"));
        assertThat(caption.getText()).isEqualTo("أعضاء المجلس يغادرون القاعة بعد التصويت.");
        assertThat(caption.getCssValue("direction")).isEqualTo("rtl");
        assertThat(phone.findElement(By.cssSelector("figure.lead-photo .credit")).getText()).isEqualTo("MASTHEAD/يوسف علي");
        assertThat(scrollWidth()).as("article page at 390 px").isLessThanOrEqualTo(viewportWidth());
        assertThat(Chromium.axeViolations(phone)).as("axe on the article at 390 px").isEmpty();
        assertThat(Chromium.cspViolations(phone)).as("CSP violations on the reader page").isEmpty();

        bylines = phone.findElements(By.cssSelector(".byline a.author"));
        bylines.get(1).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "سارة الخطيب"));
        assertThat(phone.findElement(By.tagName("main")).getText()).contains("مجلس المدينة يقر خطة الفيضانات");
        phone.navigate().back();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".byline a.author")));
        phone.findElements(By.cssSelector(".byline a.author")).get(0).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "أحمد منصور"));
        assertThat(phone.getCurrentUrl()).doesNotContain("/author/item");
    }

    /** Whether the first line of {@code selector}'s text ends at its right edge (and starts away from the left). */
    boolean rightAligned(String selector) {
        return (Boolean) phone.executeScript("""
            var p = document.querySelector(arguments[0]); var range = document.createRange(); range.selectNodeContents(p);
            var line = range.getClientRects()[0], box = p.getBoundingClientRect();
            return Math.abs(line.right - box.right) < 2 && line.left - box.left > 2;""", selector);
    }

    @Test
    void a_mixed_rail_keeps_each_headline_s_direction_and_an_arabic_site_is_mirrored_issue_10() throws Exception {
        try (var arabicSite = TestApp.start(Database.Engine.SQLITE, java.util.Map.of("site.language", "ar", "site.name", "الخبر"))) {
            var s = arabicSite.services();
            var admin = s.accounts().create("ar-admin@example.com", "مدير", Role.ADMIN, "arabic site admin password");
            var news = s.taxonomy().findSectionBySlug("news").orElseThrow().id();
            for (var h : new String[][] {{"مجلس المدينة يقر خطة الفيضانات", ""}, {"Council backs the flood plan", "en"}}) {
                var draft = new org.masthead.article.ArticleDraft(h[0], "", news, "", "<p>" + h[0] + " — " + h[0] + " — " + h[0] + ".</p>", "",
                    java.util.List.of("ليلى حداد"), java.util.List.of(), h[1]);
                var saved = (org.masthead.article.Publishing.Result.Saved) s.publishing().create(admin, draft, (Long) null);
                s.publishing().publish(admin, saved.article().id());
                s.popularity().beacon(saved.article().id(), Visitors.userAgent(3), null, "127.0.0.1");
            }
            s.popularity().tick();
            phone.get(arabicSite.baseUrl() + "/");
            assertThat(phone.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(phone.findElement(By.tagName("body")).getCssValue("direction")).as("an Arabic site is mirrored throughout").isEqualTo("rtl");
            var rail = phone.findElements(By.cssSelector(".popular .rail-headline"));
            assertThat(rail).extracting(e -> e.getText()).contains("Council backs the flood plan", "مجلس المدينة يقر خطة الفيضانات");
            for (var e : rail) {
                var latin = e.getText().startsWith("Council");
                assertThat(e.getCssValue("direction")).as(e.getText()).isEqualTo(latin ? "ltr" : "rtl");
            }
            assertThat(scrollWidth()).as("Arabic home at 390 px").isLessThanOrEqualTo(viewportWidth());
            phone.findElement(By.linkText("Council backs the flood plan")).click();
            waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.story")));
            assertThat(phone.findElement(By.cssSelector("article.story")).getAttribute("lang")).isEqualTo("en");
            assertThat(phone.findElement(By.cssSelector(".story .body")).getCssValue("direction")).as("an English story on an Arabic site").isEqualTo("ltr");
            assertThat(Chromium.axeViolations(phone)).as("axe on an English story of an Arabic site").isEmpty();
        }
    }
}
