package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 10: no newsroom page scrolls sideways on a 390 × 844 phone, measured on every newsroom page the route table has. */
class NewsroomOnAPhoneIT {
    @Test
    void every_newsroom_page_fits_a_390_px_phone_issue_10() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var article = PublishedSite.publish(app, 3);
            long id = app.services().articles().listPublished(null, 1, 0).get(0).id();
            var page = (org.masthead.page.Pages.Result.Saved) new org.masthead.page.Pages(app.services().db(), app.services().taxonomy(), java.time.Clock.systemUTC())
                .create(null, new org.masthead.page.Pages.Draft("About this very long-named newspaper of record", "", "<p>Who we are.</p>", ""));
            app.services().accounts().create("phone-admin@example.com", "Phone Admin", Role.ADMIN, "phone admin password 1");
            long wireId = org.masthead.testing.Fixtures.wireItem(app);
            long importId = app.services().db().transaction(h -> h.createUpdate("insert into import_run (kind, file, file_sha, options, state, done, total, report, "
                    + "created_at, updated_at) values ('wxr', '/tmp/x.xml', 'x', '{}', 'done', 12, 12, :r, 0, 0)")
                .bind("r", "Imported 12 stories and 0 pages (12 new, 0 updated), 3 photos, 24 old addresses redirected; not imported: {attachment=3, nav_menu_item=40}")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            var phone = Chromium.start(Visitors.userAgent(12), 390, 844);
            try {
                phone.get(app.baseUrl() + "/newsroom/sign-in");
                var failures = new ArrayList<String>();
                var signIn = Chromium.sidewaysScroll(phone);
                if (!signIn.get("overflow").equals(0L)) failures.add("/newsroom/sign-in " + signIn);
                phone.findElement(By.id("email")).sendKeys("phone-admin@example.com");
                phone.findElement(By.id("password")).sendKeys("phone admin password 1");
                phone.findElement(By.cssSelector("button[type=submit].primary")).click();
                new WebDriverWait(phone, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/newsroom/articles"));
                var paths = new TreeSet<String>();
                for (var r : app.routes()) {
                    if (!r.method().equals("GET") || !r.path().startsWith("/newsroom") || r.path().equals("/newsroom/sign-in")) continue;
                    paths.add(r.path().replace("/articles/{id}", "/articles/" + id).replace("/photos/{id}", "/photos/1").replace("{front}", "home")
                        .replace("/pages/{id}", "/pages/" + page.page().id()).replace("/wire/{id}", "/wire/" + wireId).replace("/import/{id}", "/import/" + importId));
                }
                assertThat(paths).contains("/newsroom/articles/new", "/newsroom/fronts/home", "/newsroom/users", "/newsroom/photos/1");
                paths.add("/newsroom/photos?q=" + java.net.URLEncoder.encode("فيضانات floods", java.nio.charset.StandardCharsets.UTF_8) + "&filter=missing-alt"); // a library search, its filter on
                paths.add("/newsroom/articles?q=storm"); // the article list's search
                int measured = 0;
                for (var path : paths) {
                    phone.get(app.baseUrl() + path);
                    if (path.endsWith(".csv")) continue; // a download: the browser stays on the page before it
                    if (path.endsWith("/new") || path.matches(".*/articles/\\d+")) {
                        new WebDriverWait(phone, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("body_ifr")));
                    }
                    var scroll = Chromium.sidewaysScroll(phone);
                    measured++;
                    if (!scroll.get("overflow").equals(0L)) failures.add(path + " " + scroll);
                }
                assertThat(measured).isGreaterThanOrEqualTo(15);
                // The action bar is in reach at once: the editor's Publish button is on screen before any scroll.
                phone.get(app.baseUrl() + "/newsroom/articles/new");
                new WebDriverWait(phone, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("body_ifr")));
                @SuppressWarnings("unchecked")
                var bar = (java.util.Map<String, Object>) phone.executeScript("""
                    var b = document.querySelector('.action-bar button.primary').getBoundingClientRect();
                    return {top: b.top, bottom: b.bottom, height: window.innerHeight, scrolled: window.scrollY};""");
                assertThat(((Number) bar.get("scrolled")).doubleValue()).isZero();
                assertThat(((Number) bar.get("top")).doubleValue()).as("Publish on screen without scrolling: " + bar).isGreaterThanOrEqualTo(0);
                assertThat(((Number) bar.get("bottom")).doubleValue()).as("Publish on screen without scrolling: " + bar)
                    .isLessThanOrEqualTo(((Number) bar.get("height")).doubleValue());
                assertThat(failures).as("newsroom pages that scroll sideways at 390 px").isEmpty();
                assertThat(article).isNotEmpty();
            } finally {
                phone.quit();
            }
        }
    }
}
