package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.testing.Chromium;
import org.masthead.testing.TestApp;
import org.masthead.testing.Visitors;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 10 in Chromium: an embedded video is a card; nothing reaches the provider until the reader presses the button. */
class EmbedsBrowserIT {
    @Test
    void a_video_loads_only_when_the_reader_asks_and_nothing_is_requested_from_the_provider_before_issue_10() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var s = app.services();
            var admin = s.accounts().create("embed-admin@example.com", "Embed Admin", Role.ADMIN, "embed admin password");
            var body = "<p>Watch the launch.</p><figure class=\"embed\" data-provider=\"youtube\" data-embed-id=\"dQw4w9WgXcQ\">"
                + "<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Video on YouTube</a><figcaption>The launch, filmed from the quay.</figcaption></figure>";
            var saved = (Publishing.Result.Saved) s.publishing().create(admin, new ArticleDraft("Launch day", "", s.taxonomy().findSectionBySlug("news").orElseThrow().id(),
                "", body, "", List.of("Ana Ruiz"), List.of()), (Long) null);
            s.publishing().publish(admin, saved.article().id());
            var editor = app.signedIn("embed-editor@example.com", Role.EDITOR);
            var found = editor.get("/newsroom/embeds?url=" + java.net.URLEncoder.encode("https://youtu.be/dQw4w9WgXcQ", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(found.body()).contains("\"provider\": \"youtube\"").contains("\"id\": \"dQw4w9WgXcQ\"");
            assertThat(editor.get("/newsroom/embeds?url=https%3A%2F%2Fevil.example%2Fv").status()).isEqualTo(422);

            var reader = Chromium.start(Visitors.userAgent(60));
            try {
                Chromium.recordCspViolations(reader);
                reader.get(app.baseUrl() + saved.article().path());
                var card = reader.findElement(By.cssSelector("figure.embed .embed-card"));
                assertThat(card.getText()).contains("Video on YouTube. Loading it lets YouTube see your visit.");
                assertThat(reader.findElements(By.tagName("iframe"))).isEmpty();
                assertThat(reader.findElement(By.cssSelector("figure.embed figcaption")).getText()).isEqualTo("The launch, filmed from the quay.");
                @SuppressWarnings("unchecked")
                var requested = (List<String>) reader.executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
                assertThat(requested).allMatch(u -> u.startsWith(app.baseUrl()));
                assertThat(Chromium.axeViolations(reader)).as("axe on a story with an embed card").isEmpty();
                reader.findElement(By.cssSelector(".embed-load")).click();
                new WebDriverWait(reader, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.embed-frame")));
                var frame = reader.findElement(By.cssSelector("iframe.embed-frame"));
                assertThat(frame.getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
                assertThat(frame.getAttribute("title")).isEqualTo("Video on YouTube");
                assertThat(Chromium.cspViolations(reader)).as("the provider's frame is allowed once asked for").isEmpty();
            } finally {
                reader.quit();
            }
        }
    }
}
