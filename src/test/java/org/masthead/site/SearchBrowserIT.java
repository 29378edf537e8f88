package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.TestApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12, a reader in headless Chromium: searching from the header, the highlights, the filters, "did you mean", related
 * stories, an archive's pager, and the same pages in dark mode passing axe.
 */
class SearchBrowserIT {
    @Test
    void a_reader_searches_from_the_header_narrows_the_results_follows_did_you_mean_and_related_stories_in_light_and_dark_issue_12()
        throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var s = app.services();
            var admin = s.accounts().create("search-admin@example.com", "Search Admin", Role.ADMIN, "search admin password 1");
            var sections = s.taxonomy().listSections();
            var news = sections.get(0);
            var other = sections.get(1);
            var wall = publish(s, admin, news.id(), "Harbour wall repaired after winter storms",
                "<p>Engineers finished repairing the harbour wall that the winter storms breached, and the fishing fleet can moor again.</p>", "Harbour");
            var road = publish(s, admin, news.id(), "Storm damage closes the harbour road",
                "<p>The road along the harbour wall stays shut while engineers check the storm damage to the fishing quay.</p>", "Harbour");
            publish(s, admin, other.id(), "Harbour festival returns with boat races",
                "<p>The harbour festival brings boat races and music back to the quay this summer.</p>", "Harbour");
            publish(s, admin, other.id(), "Lighthouse keeper retires after forty years",
                "<p>The lamp goes automatic as the keeper hands over the keys.</p>", "Coast");
            long deadline = System.currentTimeMillis() + 10_000;
            while (s.articles().count() > 0 && searchTotal(app, "harbour") < 3 && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertThat(searchTotal(app, "harbour")).as("the index followed the publishes").isEqualTo(3);

            var chrome = Chromium.start();
            try {
                var wait = new WebDriverWait(chrome, Duration.ofSeconds(10));
                // From the header of the home page.
                chrome.get(app.baseUrl() + "/");
                chrome.findElement(By.id("site-search-q")).sendKeys("harbour");
                chrome.findElement(By.cssSelector("form.site-search button[type=submit]")).click();
                wait.until(ExpectedConditions.urlContains("/search?q=harbour"));
                List<WebElement> hits = chrome.findElements(By.cssSelector(".search-results li"));
                assertThat(hits).hasSize(3);
                assertThat(chrome.findElements(By.cssSelector(".search-results mark")).stream().map(WebElement::getText))
                    .as("the matching words are highlighted").isNotEmpty().allMatch(t -> t.equalsIgnoreCase("harbour"));
                assertThat(chrome.findElement(By.cssSelector("meta[name=robots]")).getAttribute("content")).contains("noindex");

                // Narrowed to one section.
                new Select(chrome.findElement(By.id("search-section"))).selectByVisibleText(other.name());
                chrome.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
                wait.until(ExpectedConditions.urlContains("section=" + other.slug()));
                hits = chrome.findElements(By.cssSelector(".search-results li"));
                assertThat(hits).hasSize(1);
                assertThat(hits.get(0).getText()).contains("Harbour festival returns").contains(other.name());
                assertThat(new Select(chrome.findElement(By.id("search-section"))).getFirstSelectedOption().getText()).isEqualTo(other.name());

                // A misspelling: "did you mean" offers the index's own word, and following it finds the stories.
                var box = chrome.findElement(By.id("search-q"));
                box.clear();
                box.sendKeys("harbuor");
                new Select(chrome.findElement(By.id("search-section"))).selectByIndex(0);
                chrome.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".did-you-mean a")));
                assertThat(chrome.findElement(By.cssSelector(".no-results")).getText()).contains("No stories match");
                var suggestion = chrome.findElement(By.cssSelector(".did-you-mean a"));
                assertThat(suggestion.getText()).isEqualTo("harbour");
                suggestion.click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".search-results li"), 3));

                // A story's related stories: like it, never itself, and they lead on.
                chrome.get(app.baseUrl() + wall.path());
                var related = chrome.findElements(By.cssSelector(".related li"));
                assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(5);
                assertThat(related.get(0).getText()).contains("Storm damage closes the harbour road");
                assertThat(related).noneMatch(li -> li.getText().contains("Harbour wall repaired"));
                related.get(0).findElement(By.cssSelector("a")).click();
                wait.until(ExpectedConditions.urlContains(road.path()));
                assertThat(chrome.findElements(By.cssSelector(".related li")).stream().map(WebElement::getText))
                    .as("and back again").anyMatch(t -> t.contains("Harbour wall repaired"));

                // An archive's pager, and the pages in light and dark mode, axe-clean in both.
                var pages = new String[] {"/", wall.path(), "/search?q=harbour", "/search?q=harbuor", "/tag/harbour/", "/" + java.time.Year.now() + "/"};
                for (var path : pages) {
                    chrome.get(app.baseUrl() + path);
                    assertThat(Chromium.axeViolations(chrome)).as("axe on " + path).isEmpty();
                }
                chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
                for (var path : pages) {
                    chrome.get(app.baseUrl() + path);
                    assertThat(chrome.executeScript("return getComputedStyle(document.body).backgroundColor")).as("dark ground on " + path)
                        .isEqualTo("rgb(18, 18, 18)");
                    assertThat(Chromium.axeViolations(chrome)).as("axe in dark mode on " + path).isEmpty();
                }
            } finally {
                chrome.quit();
            }

            // A reader on a 390 px phone: the header's search works, and no search, archive or 404 page scrolls sideways.
            var phone = Chromium.start(org.masthead.testing.Visitors.userAgent(12), 390, 844);
            try {
                var wait = new WebDriverWait(phone, Duration.ofSeconds(10));
                phone.get(app.baseUrl() + "/no-such-page");
                var box = phone.findElement(By.id("site-search-q"));
                assertThat(box.isDisplayed()).as("the 404's header search on a phone").isTrue();
                assertThat(box.getRect().getWidth()).as("wide enough to type in").isGreaterThanOrEqualTo(120);
                box.sendKeys("harbour");
                phone.findElement(By.cssSelector("form.site-search button[type=submit]")).click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".search-results li"), 3));
                var submit = phone.findElement(By.cssSelector("form.search-form button[type=submit]"));
                assertThat(submit.getRect().getHeight()).as("a target a thumb can hit (WCAG 2.5.8)").isGreaterThanOrEqualTo(24);
                var phonePages = new String[] {"/search?q=harbour", "/search?q=harbour&section=" + other.slug(), "/search?q=harbuor",
                    "/tag/harbour/", "/" + java.time.Year.now() + "/", wall.path(), "/no-such-page"};
                for (var path : phonePages) {
                    phone.get(app.baseUrl() + path);
                    assertThat(Chromium.sidewaysScroll(phone)).as("no sideways scroll at 390 px on " + path).containsEntry("overflow", 0L);
                    assertThat(Chromium.axeViolations(phone)).as("axe at 390 px on " + path).isEmpty();
                }
                phone.get(app.baseUrl() + "/" + java.time.Year.now() + "/");
                phone.findElement(By.cssSelector(".archive-months a")).click(); // the month's archive, in the site's time zone
                wait.until(ExpectedConditions.urlMatches("/\\d{4}/\\d{2}/$"));
                assertThat(phone.findElements(By.cssSelector("main a[href*='harbour']"))).as("the month lists the stories").isNotEmpty();
                assertThat(Chromium.sidewaysScroll(phone)).as("no sideways scroll at 390 px on a month").containsEntry("overflow", 0L);
            } finally {
                phone.quit();
            }
        }
    }

    private static org.masthead.article.Article publish(org.masthead.app.App.Services s, org.masthead.account.User admin, long section, String headline,
                                                         String body, String tag) {
        var draft = new ArticleDraft(headline, "", section, "", body, "", List.of("Clara Wren"), List.of(tag));
        var saved = (Publishing.Result.Saved) s.publishing().create(admin, draft, (Long) null);
        return ((Publishing.Result.Saved) s.publishing().publish(admin, saved.article().id())).article();
    }

    private static long searchTotal(TestApp app, String q) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(app.baseUrl() + "/api/v1/search?q=" + q)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) return -1;
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("total").asLong();
    }
}
