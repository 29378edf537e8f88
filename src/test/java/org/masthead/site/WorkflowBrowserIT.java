package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.article.ArticleStatus;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 9 in real Chromium: review and schedule to publish on time, a conflict merged, an autosave recovered, a correction read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowBrowserIT {
    TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE);
        app.services().accounts().create("reporter@example.com", "Rita Reporter", Role.CONTRIBUTOR, "reporter desk password");
        org.masthead.testing.Fixtures.knownAuthors(app, "Rita Reporter");
        app.services().accounts().create("desk@example.com", "Dev Desk", Role.EDITOR, "desk editor password");
        app.services().accounts().create("desk2@example.com", "Dana Desk", Role.EDITOR, "desk editor password");
    }

    @AfterAll
    void stop() { app.close(); }

    ChromeDriver signedIn(String email, String password, int seed) {
        var b = Chromium.start(Visitors.userAgent(seed));
        b.get(app.baseUrl() + "/newsroom/sign-in");
        b.findElement(By.id("email")).sendKeys(email);
        b.findElement(By.id("password")).sendKeys(password);
        b.findElement(By.cssSelector("button[type=submit].primary")).click();
        new WebDriverWait(b, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/newsroom/articles"));
        return b;
    }

    static WebDriverWait waitUpTo(ChromeDriver b, int seconds) { return new WebDriverWait(b, Duration.ofSeconds(seconds)); }

    static void typeBody(ChromeDriver b, String text) {
        waitUpTo(b, 15).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("body_ifr"));
        var body = b.findElement(By.id("tinymce"));
        body.click();
        body.sendKeys(text);
        b.switchTo().defaultContent();
    }

    static long idFromUrl(ChromeDriver b) { return Long.parseLong(b.getCurrentUrl().replaceAll("^.*/newsroom/articles/(\\d+).*$", "$1")); }

    @Test
    void a_reporter_files_an_editor_approves_and_schedules_and_it_publishes_on_time_issue_9() throws Exception {
        var reporter = signedIn("reporter@example.com", "reporter desk password", 21);
        var desk = signedIn("desk@example.com", "desk editor password", 22);
        try {
            reporter.get(app.baseUrl() + "/newsroom/articles/new");
            typeBody(reporter, "The ferry returns on Friday.");
            reporter.findElement(By.id("headline")).sendKeys("Ferry returns on Friday");
            new Select(reporter.findElement(By.id("section"))).selectByVisibleText("News");
            reporter.findElement(By.id("bylines")).sendKeys("Rita Reporter"); // her own byline, offered as she types
            reporter.findElement(By.cssSelector("button[value=submit]")).click();
            waitUpTo(reporter, 10).until(ExpectedConditions.urlContains("saved=1"));
            long id = idFromUrl(reporter);
            assertThat(app.services().articles().find(id).orElseThrow().status()).isEqualTo(ArticleStatus.IN_REVIEW);

            desk.get(app.baseUrl() + "/newsroom/articles/" + id);
            desk.findElement(By.xpath("//section[@class='workflow']//button[normalize-space()='Approve']")).click();
            waitUpTo(desk, 10).until(d -> app.services().articles().find(id).orElseThrow().status() == ArticleStatus.READY);
            var due = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(4).withNano(0);
            var at = desk.findElement(By.id("at"));
            ((JavascriptExecutor) desk).executeScript("arguments[0].value = arguments[1];", at, due.toString());
            desk.findElement(By.xpath("//form[.//input[@value='schedule']]//button")).click();
            waitUpTo(desk, 10).until(d -> app.services().articles().find(id).orElseThrow().status() == ArticleStatus.SCHEDULED);
            assertThat(desk.findElement(By.cssSelector(".status-line")).getText()).contains("Publishes");

            waitUpTo(desk, 15).until(d -> app.services().articles().find(id).orElseThrow().status() == ArticleStatus.PUBLISHED);
            var published = app.services().articles().find(id).orElseThrow();
            assertThat(published.publishedAt() - due.toInstant(ZoneOffset.UTC).toEpochMilli()).isBetween(0L, 1_000L);
            var reader = Chromium.start(Visitors.userAgent(23));
            try {
                reader.get(app.baseUrl() + published.path());
                assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("Ferry returns on Friday");
                assertThat(reader.findElement(By.cssSelector(".byline")).getText()).contains("Rita Reporter");
            } finally {
                reader.quit();
            }
        } finally {
            reporter.quit();
            desk.quit();
        }
    }

    @Test
    void two_editors_save_at_once_and_the_merge_view_keeps_both_edits_issue_9() {
        var a = signedIn("desk@example.com", "desk editor password", 24);
        var b = signedIn("desk2@example.com", "desk editor password", 25);
        try {
            a.get(app.baseUrl() + "/newsroom/articles/new");
            typeBody(a, "Body.");
            a.findElement(By.id("headline")).sendKeys("Budget vote delayed");
            new Select(a.findElement(By.id("section"))).selectByVisibleText("News");
            a.findElement(By.id("no_byline")).click(); // workflow copy, unsigned: nobody is credited by default
            a.findElement(By.cssSelector("button[value=save]")).click();
            waitUpTo(a, 10).until(ExpectedConditions.urlContains("saved=1"));
            long id = idFromUrl(a);
            b.get(app.baseUrl() + "/newsroom/articles/" + id);               // both forms open at the same revision
            waitUpTo(b, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("body_ifr")));
            var headline = a.findElement(By.id("headline"));
            headline.clear();
            headline.sendKeys("Budget vote delayed to March");
            a.findElement(By.cssSelector("button[value=save]")).click();
            waitUpTo(a, 10).until(d -> app.services().articles().find(id).orElseThrow().headline().equals("Budget vote delayed to March"));
            b.findElement(By.id("dek")).sendKeys("Councillors want more time.");
            b.findElement(By.cssSelector("button[value=save]")).click();
            waitUpTo(b, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("merge-heading")));
            assertThat(b.findElement(By.cssSelector(".merge")).getText()).contains("Budget vote delayed to March").contains("Councillors want more time.");
            b.findElement(By.id("merge-headline-theirs")).click();
            b.findElement(By.cssSelector("button[value=save]")).click();
            waitUpTo(b, 10).until(ExpectedConditions.urlContains("saved=1"));
            var merged = app.services().articles().find(id).orElseThrow();
            assertThat(merged.headline()).isEqualTo("Budget vote delayed to March");
            assertThat(merged.dek()).isEqualTo("Councillors want more time.");
        } finally {
            a.quit();
            b.quit();
        }
    }

    @Test
    void typing_survives_a_closed_browser_through_the_autosave_issue_9() {
        var a = signedIn("desk2@example.com", "desk editor password", 26);
        long id;
        try {
            a.get(app.baseUrl() + "/newsroom/articles/new");
            typeBody(a, "First version.");
            a.findElement(By.id("headline")).sendKeys("Harbour lights");
            new Select(a.findElement(By.id("section"))).selectByVisibleText("News");
            a.findElement(By.id("no_byline")).click(); // workflow copy, unsigned: nobody is credited by default
            a.findElement(By.cssSelector("button[value=save]")).click();
            waitUpTo(a, 10).until(ExpectedConditions.urlContains("saved=1"));
            id = idFromUrl(a);
            waitUpTo(a, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("body_ifr")));
            a.findElement(By.id("dek")).sendKeys("Typed just before the crash");
            long userId = app.services().users().findByEmail("desk2@example.com").orElseThrow().id();
            waitUpTo(a, 15).until(d -> new org.masthead.article.Autosaves(app.services().db(), java.time.Clock.systemUTC()).find(userId, id).isPresent());
        } finally {
            a.quit(); // the tab closes without saving
        }
        var again = signedIn("desk2@example.com", "desk editor password", 27);
        try {
            again.get(app.baseUrl() + "/newsroom/articles/" + id);
            again.findElement(By.linkText("Recover them")).click();
            waitUpTo(again, 10).until(ExpectedConditions.urlContains("recover=1"));
            assertThat(again.findElement(By.id("dek")).getAttribute("value")).isEqualTo("Typed just before the crash");
            again.findElement(By.cssSelector("button[value=save]")).click();
            waitUpTo(again, 10).until(ExpectedConditions.urlContains("saved=1"));
            assertThat(app.services().articles().find(id).orElseThrow().dek()).isEqualTo("Typed just before the crash");
        } finally {
            again.quit();
        }
    }

    @Test
    void a_reader_sees_the_correction_an_editor_adds_issue_9() {
        var desk = signedIn("desk@example.com", "desk editor password", 28);
        var reader = Chromium.start(Visitors.userAgent(29));
        try {
            desk.get(app.baseUrl() + "/newsroom/articles/new");
            typeBody(desk, "The bridge closes on Monday.");
            desk.findElement(By.id("headline")).sendKeys("Bridge closes for repairs");
            new Select(desk.findElement(By.id("section"))).selectByVisibleText("News");
            desk.findElement(By.id("no_byline")).click(); // workflow copy, unsigned: nobody is credited by default
            desk.findElement(By.cssSelector("button[value=publish]")).click();
            waitUpTo(desk, 10).until(ExpectedConditions.urlContains("saved=1"));
            long id = idFromUrl(desk);
            var path = app.services().articles().find(id).orElseThrow().path();
            reader.get(app.baseUrl() + path);
            assertThat(reader.findElements(By.cssSelector(".correction-notice"))).isEmpty();
            desk.findElement(By.id("correction-text")).sendKeys("An earlier version said Monday; the bridge closes on Tuesday.");
            var before = desk.findElement(By.tagName("html"));
            desk.findElement(By.xpath("//form[contains(@action,'/corrections')]//button")).click();
            waitUpTo(desk, 10).until(ExpectedConditions.stalenessOf(before)); // the page after the correction, not the one before
            waitUpTo(desk, 10).until(d -> !app.services().articles().find(id).orElseThrow().corrections().isEmpty());
            reader.navigate().refresh();
            assertThat(reader.findElement(By.cssSelector(".correction-notice")).getText()).contains("This article was corrected on");
            assertThat(reader.findElement(By.id("corrections")).getText()).contains("the bridge closes on Tuesday.");
            assertThat(Chromium.axeViolations(reader)).as("axe on a corrected story").isEmpty();
        } finally {
            desk.quit();
            reader.quit();
        }
    }
}
