package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.media.PhotoText;
import org.masthead.testing.Chromium;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10 in Chromium, with the keyboard alone: a reporter signs in, writes a story, takes a lead
 * photo and an inline photo from the library, and publishes it; no mouse event is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardOnlyIT {
    TestApp app;
    ChromeDriver chrome;
    long crane;
    long quay;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE);
        var s = app.services();
        s.accounts().create("keys@example.com", "Kim Keys", Role.EDITOR, "keyboard only password");
        crane = s.uploads().upload(Fixtures.jpeg(1600, 1000, 81), new PhotoText("A crane at dawn.", "MASTHEAD/Kim Keys", "", "", "A crane", "Harbour crane"), null).id();
        quay = s.uploads().upload(Fixtures.jpeg(1600, 1000, 82), new PhotoText("The quay at noon.", "MASTHEAD/Kim Keys", "", "", "A quay", "Quay"), null).id();
        s.renditionJob().run();
        Fixtures.knownAuthors(app, "Kim Keys");
        chrome = Chromium.start(Visitors.userAgent(50));
    }

    @AfterAll
    void stop() {
        if (chrome != null) chrome.quit();
        app.close();
    }

    WebElement active() { return chrome.switchTo().activeElement(); }

    void keys(CharSequence... keys) { new Actions(chrome).sendKeys(keys).perform(); }

    /** Presses Tab (or Shift+Tab) until the focused element matches; fails after 60 presses. */
    void tabTo(Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 60; i++) {
            if (wanted.test(active())) return;
            keys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what + "; focus is on " + active().getTagName() + "#" + active().getAttribute("id"));
    }

    static Predicate<WebElement> id(String id) { return e -> id.equals(e.getAttribute("id")); }

    @Test
    void a_reporter_writes_photos_and_publishes_a_story_with_the_keyboard_alone_issue_10() {
        var wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
        chrome.get(app.baseUrl() + "/newsroom/sign-in");
        assertThat(active().getAttribute("id")).as("the sign-in page focuses its first field").isEqualTo("email");
        keys("keys@example.com", Keys.TAB, "keyboard only password", Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("/newsroom/articles"));

        chrome.get(app.baseUrl() + "/newsroom/articles/new");
        wait.until(d -> (Boolean) chrome.executeScript("return !!(window.tinymce && tinymce.get('body') && tinymce.get('body').initialized)"));
        tabTo(id("headline"), "the headline");
        keys("Cranes return to the harbour", Keys.TAB, "The first in forty years.");
        tabTo(e -> "iframe".equals(e.getTagName()) || "body_ifr".equals(e.getAttribute("id")), "the body");
        chrome.switchTo().frame("body_ifr"); // where the keys go is where focus already is: this only points WebDriver there
        keys("The cranes came back on Monday.");
        // Into the editor's toolbar (Alt+F10), along to the photo button.
        new Actions(chrome).keyDown(Keys.ALT).sendKeys(Keys.F10).keyUp(Keys.ALT).perform();
        chrome.switchTo().defaultContent();
        // TinyMCE's toolbar: Tab moves to the next group, the arrow keys go round within one.
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < 40 && !"Insert photo from the library".equals(active().getAttribute("aria-label")); i++) {
            seen.add(active().getAttribute("aria-label"));
            keys(Keys.ARROW_RIGHT);
            if (seen.contains(active().getAttribute("aria-label"))) {
                keys(Keys.TAB);
                seen.clear();
            }
        }
        assertThat(active().getAttribute("aria-label")).isEqualTo("Insert photo from the library");
        keys(Keys.ENTER);
        wait.until(d -> "picker-q".equals(active().getAttribute("id")));
        keys("crane");
        wait.until(d -> !chrome.findElements(org.openqa.selenium.By.cssSelector("button[data-photo-id='" + crane + "']")).isEmpty());
        tabTo(e -> String.valueOf(crane).equals(e.getAttribute("data-photo-id")), "the crane photo");
        keys(Keys.ENTER);
        assertThat(active().getAttribute("aria-pressed")).isEqualTo("true");
        tabTo(id("picker-insert"), "Insert photo");
        keys(Keys.ENTER);
        wait.until(d -> ((String) chrome.executeScript("return tinymce.get('body').getContent()")).contains("data-media-id=\"" + crane + "\""));

        // The section, the byline and the lead photo, from the form below the body.
        tabTo(id("section"), "the section");
        keys("News");
        tabTo(id("bylines"), "the bylines");
        keys("Kim Keys");
        tabTo(id("lead-choose"), "Choose from library");
        keys(Keys.ENTER);
        wait.until(d -> "picker-q".equals(active().getAttribute("id")));
        keys("quay");
        wait.until(d -> !chrome.findElements(org.openqa.selenium.By.cssSelector("button[data-photo-id='" + quay + "']")).isEmpty());
        tabTo(e -> String.valueOf(quay).equals(e.getAttribute("data-photo-id")), "the quay photo");
        keys(Keys.ENTER);
        tabTo(id("picker-insert"), "Use as lead photo");
        keys(Keys.ENTER);
        wait.until(d -> String.valueOf(quay).equals(chrome.findElement(org.openqa.selenium.By.id("lead_photo")).getAttribute("value")));

        tabTo(e -> "publish".equals(e.getAttribute("value")), "Publish");
        keys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("saved=1"));
        var story = app.services().articles().listPublished(null, 1, 0).get(0);
        assertThat(story.headline()).isEqualTo("Cranes return to the harbour");
        var a = app.services().articles().find(story.id()).orElseThrow();
        assertThat(a.leadPhoto().id()).isEqualTo(quay);
        assertThat(a.bodyHtml()).contains("The cranes came back on Monday.").contains("data-media-id=\"" + crane + "\"");
        assertThat(a.authors()).extracting(x -> x.displayName()).containsExactly("Kim Keys");
    }
}
