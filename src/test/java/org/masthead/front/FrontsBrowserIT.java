package org.masthead.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 10 in Chromium: an editor programs and reorders the home page, and a reader sees the new lead at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontsBrowserIT {
    TestApp app;
    ChromeDriver desk;
    ChromeDriver reader;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE);
        PublishedSite.publish(app, 4);
        app.services().accounts().create("frontdesk@example.com", "Fran Desk", Role.EDITOR, "front desk password 1");
        desk = Chromium.start(Visitors.userAgent(30));
        Chromium.recordCspViolations(desk);
        reader = Chromium.start(Visitors.userAgent(31));
        desk.get(app.baseUrl() + "/newsroom/sign-in");
        desk.findElement(By.id("email")).sendKeys("frontdesk@example.com");
        desk.findElement(By.id("password")).sendKeys("front desk password 1");
        desk.findElement(By.cssSelector("button[type=submit].primary")).click();
        new WebDriverWait(desk, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/newsroom/articles"));
    }

    @AfterAll
    void stop() {
        if (desk != null) desk.quit();
        if (reader != null) reader.quit();
        app.close();
    }

    int visits;

    /** Saves the front and waits for the new page (the old page's notice must not count). */
    void save() {
        desk.executeScript("window.__before = true;");
        desk.findElement(By.cssSelector("button[type=submit].primary")).click();
        var wait = new WebDriverWait(desk, Duration.ofSeconds(10));
        wait.until(d -> !Boolean.TRUE.equals(desk.executeScript("return window.__before === true && document.readyState === 'complete';"))
            && "complete".equals(desk.executeScript("return document.readyState;")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
    }

    /** A reader arriving (each time from another link: their browser may keep a page it fetched for a minute). */
    String readersLead() {
        reader.get(app.baseUrl() + "/?utm_source=visit-" + visits++);
        return reader.findElement(By.cssSelector("section.lead h2")).getText();
    }

    @Test
    void an_editor_reorders_the_home_page_and_a_reader_sees_the_new_lead_issue_10() {
        assertThat(readersLead()).isEqualTo("Story number 3 from the harbour"); // the newest, by recency
        desk.findElement(By.linkText("Fronts")).click();
        desk.findElement(By.linkText("Home page")).click();
        assertThat(Chromium.axeViolations(desk)).as("axe on the home front").isEmpty();
        new Select(desk.findElement(By.id("add_article_id"))).selectByVisibleText("Story number 1 from the harbour");
        save();
        new Select(desk.findElement(By.id("add_article_id"))).selectByVisibleText("Story number 0 from the harbour");
        desk.findElement(By.id("add_position")).clear();
        desk.findElement(By.id("add_position")).sendKeys("2");
        save();
        assertThat(desk.findElements(By.cssSelector(".front-slots .slot strong"))).extracting(e -> e.getText())
            .containsExactly("Story number 1 from the harbour", "Story number 0 from the harbour");
        assertThat(readersLead()).isEqualTo("Story number 1 from the harbour");

        // Reorder with the keyboard-reachable move button: the second story goes up to the lead.
        var moveUp = desk.findElements(By.cssSelector(".front-slots .slot button[data-move='-1']")).get(1);
        moveUp.click();
        assertThat(desk.findElements(By.cssSelector(".front-slots .slot .slot-place"))).extracting(e -> e.getText()).containsExactly("Lead", "Top 2");
        assertThat(desk.findElements(By.cssSelector(".front-slots .slot strong")).get(0).getText()).isEqualTo("Story number 0 from the harbour");
        save();
        assertThat(readersLead()).isEqualTo("Story number 0 from the harbour");
        assertThat(Chromium.cspViolations(desk)).isEmpty();
    }
}
