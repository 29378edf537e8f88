package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.Fixtures;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in headless Chromium: the newsroom round trip, Most Popular from real page views, and axe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {
    TestApp app;
    ChromeDriver chrome;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE);
        chrome = Chromium.start();
    }

    @AfterAll
    void stop() {
        if (chrome != null) chrome.quit();
        app.close();
    }

    WebDriverWait waitUpTo(int seconds) { return new WebDriverWait(chrome, Duration.ofSeconds(seconds)); }

    @Test
    void editor_signs_in_writes_publishes_with_photo_and_readers_make_it_most_popular(@TempDir Path dir) throws Exception {
        PublishedSite.publish(app, 6); // other stories, each with one view, so the rail has competition
        app.services().accounts().create("desk@example.com", "Desk Editor", Role.EDITOR, "desk editor password");
        Fixtures.knownAuthors(app, "Marta Novak");
        var photo = dir.resolve("pier.jpg");
        Files.write(photo, Fixtures.jpeg(1200, 800, 42));

        chrome.get(app.baseUrl() + "/newsroom");
        chrome.manage().deleteAllCookies();
        chrome.get(app.baseUrl() + "/newsroom");
        chrome.findElement(By.id("email")).sendKeys("desk@example.com");
        chrome.findElement(By.id("password")).sendKeys("desk editor password");
        chrome.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/newsroom/articles"));

        chrome.get(app.baseUrl() + "/newsroom/articles/new");
        chrome.findElement(By.id("headline")).sendKeys("Ferry returns to Tamsin Bay after forty years");
        chrome.findElement(By.id("dek")).sendKeys("Islanders queue at dawn for the first crossing.");
        new Select(chrome.findElement(By.id("section"))).selectByVisibleText("News");
        waitUpTo(15).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("body_ifr"));
        var body = chrome.findElement(By.id("tinymce"));
        body.click();
        body.sendKeys("The first ferry in forty years left the quay at six.");
        chrome.switchTo().defaultContent();
        chrome.findElement(By.id("bylines")).sendKeys("Marta Novak");
        chrome.findElement(By.id("photo")).sendKeys(photo.toString());
        chrome.findElement(By.id("photo_caption")).sendKeys("Passengers board the ferry at Tamsin Bay on Tuesday.");
        chrome.findElement(By.id("photo_credit")).sendKeys("MASTHEAD/Ines Duarte");
        chrome.findElement(By.id("photo_alt")).sendKeys("People with bags walking up a ramp onto a white ferry");
        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        chrome.findElement(By.linkText("View on site")).click();

        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Ferry returns to Tamsin Bay after forty years");
        assertThat(chrome.findElement(By.cssSelector(".story .body")).getText()).contains("The first ferry in forty years left the quay at six.");
        var img = chrome.findElement(By.cssSelector("figure.lead-photo img"));
        assertThat(img.getAttribute("alt")).isEqualTo("People with bags walking up a ramp onto a white ferry");
        assertThat((Long) chrome.executeScript("return arguments[0].naturalWidth", img)).isBetween(640L, 1200L);
        assertThat((String) chrome.executeScript("return arguments[0].currentSrc", img)).contains("/media/r/");
        // textContent, not getText(): the credit is shown in small capitals by CSS.
        assertThat(chrome.findElement(By.cssSelector("figure.lead-photo figcaption")).getAttribute("textContent"))
            .isEqualTo("Passengers board the ferry at Tamsin Bay on Tuesday. MASTHEAD/Ines Duarte");
        var articleUrl = chrome.getCurrentUrl();
        assertThat(chrome.findElements(By.cssSelector("aside.popular a")).stream().map(e -> e.getText()))
            .doesNotContain("Ferry returns to Tamsin Bay after forty years");

        // Several visitors, each a fresh browser profile, read the story; their beacons make it the most read.
        for (int i = 0; i < 3; i++) {
            var visitor = Chromium.start(org.masthead.testing.Visitors.fresh());
            try {
                visitor.get(articleUrl);
                new WebDriverWait(visitor, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
                Thread.sleep(300); // let the beacon leave before the browser closes
            } finally {
                visitor.quit();
            }
        }
        waitUpTo(15).pollingEvery(Duration.ofMillis(250)).until(d -> {
            d.navigate().refresh();
            var first = d.findElements(By.cssSelector("aside.popular li:first-child a"));
            return !first.isEmpty() && first.get(0).getText().equals("Ferry returns to Tamsin Bay after forty years");
        });
        assertThat(chrome.findElement(By.cssSelector("aside.popular li:first-child .teaser")).getText())
            .isEqualTo("Islanders queue at dawn for the first crossing.");
    }

    @Test
    void uploading_an_iptc_photo_shows_its_caption_and_credit_prefilled() {
        app.services().accounts().create("photo-desk@example.com", "Photo Desk", Role.EDITOR, "photo desk password");
        chrome.get(app.baseUrl() + "/newsroom/sign-in");
        chrome.manage().deleteAllCookies();
        chrome.get(app.baseUrl() + "/newsroom/sign-in");
        chrome.findElement(By.id("email")).sendKeys("photo-desk@example.com");
        chrome.findElement(By.id("password")).sendKeys("photo desk password");
        chrome.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/newsroom/articles"));
        chrome.get(app.baseUrl() + "/newsroom/photos/upload");
        var reference = org.masthead.testing.Testdata.resolve("photos/iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg").toAbsolutePath().normalize();
        var mechanic = org.masthead.testing.Testdata.resolve("photos/exiftool/PhotoMechanic.jpg").toAbsolutePath().normalize();
        chrome.findElement(By.id("files")).sendKeys(reference + "\n" + mechanic);
        chrome.findElement(By.cssSelector("#photo-upload button[type=submit]")).click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "Done."));
        assertThat(chrome.findElement(By.id("upload-progress")).getAttribute("value")).isEqualTo("100");
        var links = chrome.findElements(By.cssSelector("#upload-results a"));
        assertThat(links).hasSize(2);
        links.get(0).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("caption")));
        assertThat(chrome.findElement(By.id("caption")).getAttribute("value")).isEqualTo("The description aka caption (ref2021.1)");
        assertThat(chrome.findElement(By.id("credit")).getAttribute("value")).isEqualTo("Credit Line (ref2021.1)");
        assertThat(chrome.findElement(By.id("alt")).getAttribute("value")).isEqualTo("This is the Alt Text description to support accessibility in 2021.1");
        // The same file again says it is a duplicate (issue 10).
        chrome.get(app.baseUrl() + "/newsroom/photos/upload");
        chrome.findElement(By.id("files")).sendKeys(reference.toString());
        chrome.findElement(By.cssSelector("#photo-upload button[type=submit]")).click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "Done."));
        assertThat(chrome.findElement(By.id("upload-results")).getText()).contains("a duplicate: already in the library as photo");
    }

    @Test
    void reader_and_newsroom_pages_pass_axe_wcag_22_aa() {
        var article = PublishedSite.publish(app, 3);
        app.services().accounts().create("axe@example.com", "Axe Admin", Role.ADMIN, "axe admin password 1");
        new org.masthead.page.Pages(app.services().db(), app.services().taxonomy(), java.time.Clock.systemUTC())
            .create(null, new org.masthead.page.Pages.Draft("About us", "", "<p>Who we are.</p><h2>Contact</h2><p>Write to the desk.</p>", ""));
        long wireId = org.masthead.testing.Fixtures.wireItem(app);
        var reader = new String[] {"/", "/news/", article, "/news/no-such-story", "/about-us/", "/search?q=harbour", "/search?q=zzzzqqq"};
        for (var path : reader) {
            chrome.get(app.baseUrl() + path);
            assertThat(Chromium.axeViolations(chrome)).as("axe on " + path).isEmpty();
        }
        // Issue 12: searching from the header of any page, the matching words highlighted in the results.
        chrome.get(app.baseUrl() + article);
        chrome.findElement(By.id("site-search-q")).sendKeys("detail");
        chrome.findElement(By.cssSelector("form.site-search button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/search?q=detail"));
        assertThat(chrome.findElements(By.cssSelector(".search-results li"))).isNotEmpty();
        assertThat(chrome.findElement(By.cssSelector(".search-results mark")).getText()).isEqualToIgnoringCase("detail");
        chrome.manage().deleteAllCookies();
        chrome.get(app.baseUrl() + "/newsroom/sign-in");
        assertThat(Chromium.axeViolations(chrome)).as("axe on sign-in").isEmpty();
        var invited = app.services().accounts().create("axe-invited@example.com", "Invited", Role.EDITOR, "an invited password 1");
        chrome.get(app.baseUrl() + "/newsroom/welcome/" + app.services().accounts().issueLink(invited.id(), "invite", null));
        assertThat(Chromium.axeViolations(chrome)).as("axe on an invitation").isEmpty();
        chrome.get(app.baseUrl() + "/newsroom/sign-in");
        chrome.findElement(By.id("email")).sendKeys("axe@example.com");
        chrome.findElement(By.id("password")).sendKeys("axe admin password 1");
        chrome.findElement(By.cssSelector("button[type=submit].primary")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/newsroom/articles"));
        for (var path : new String[] {"/newsroom/articles", "/newsroom/articles/new", "/newsroom/users", "/newsroom/popular", "/newsroom/photos",
            "/newsroom/photos/upload", "/newsroom/photos/1", "/newsroom/tokens", "/newsroom/webhooks", "/newsroom/names", "/newsroom/articles/1", "/newsroom/desk", "/newsroom/inbox", "/newsroom/audit",
            "/newsroom/articles/1/revisions", "/newsroom/fronts", "/newsroom/fronts/home", "/newsroom/fronts/news",
            "/newsroom/pages", "/newsroom/pages/new", "/newsroom/pages/1", "/newsroom/sections", "/newsroom/settings", "/newsroom/authors", "/newsroom/authors/clara-wren", "/author/clara-wren/",
            "/newsroom/wire", "/newsroom/wire/" + wireId, "/newsroom/import"}) {
            chrome.get(app.baseUrl() + path);
            if (path.endsWith("/new") || path.matches(".*/pages/\\d+")) waitUpTo(15).until(ExpectedConditions.presenceOfElementLocated(By.id("body_ifr")));
            assertThat(Chromium.axeViolations(chrome)).as("axe on " + path).isEmpty();
        }
        // Issue 11: an admin uploads a WordPress export; the run's page fills its progress bar as the jobs runner works, then shows the report.
        chrome.get(app.baseUrl() + "/newsroom/import");
        chrome.findElement(By.id("file")).sendKeys(org.masthead.testing.Testdata.resolve("wxr/wordpress-importer/phpunit-data/small-export.xml").toString());
        chrome.findElement(By.cssSelector("form[action='/newsroom/import'] button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.urlMatches("/newsroom/import/\\d+$"));
        waitUpTo(20).until(ExpectedConditions.textToBe(By.cssSelector(".import-state"), "Done."));
        assertThat(chrome.findElement(By.cssSelector("progress")).getAttribute("value")).isEqualTo("100");
        assertThat(chrome.findElement(By.cssSelector(".import-report")).getText()).contains("Imported 6 stories");
        assertThat(Chromium.axeViolations(chrome)).as("axe on an import's page").isEmpty();
    }
}
