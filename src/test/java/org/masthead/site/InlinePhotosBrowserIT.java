package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10 in Chromium: a reporter puts library photos in the body (one inline, then a gallery),
 * each with this story's own caption, and readers get srcsets of renditions that exist, never a
 * 404 and never a photo stretched past its own width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InlinePhotosBrowserIT {
    TestApp app;
    ChromeDriver chrome;
    final AtomicInteger clicks = new AtomicInteger();
    long small;
    long large;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE);
        var s = app.services();
        var admin = s.accounts().create("photo-desk@example.com", "Pia Desk", Role.EDITOR, "photo desk password 1");
        small = s.uploads().upload(Fixtures.jpeg(400, 300, 61), new PhotoText("Library caption of the harbour crane.", "MASTHEAD/Library",
            "", "", "A crane", "Harbour crane"), admin.id()).id();
        large = s.uploads().upload(Fixtures.jpeg(1600, 1000, 62), new PhotoText("Library caption of the quay.", "REUTERS/Abdalrhman Ismail",
            "", "", "A quay", "Quay at dawn"), admin.id()).id();
        s.renditionJob().run();
        Fixtures.knownAuthors(app, "Pia Desk");
        chrome = Chromium.start(Visitors.userAgent(40));
        Chromium.recordCspViolations(chrome);
        chrome.get(app.baseUrl() + "/newsroom/sign-in");
        chrome.findElement(By.id("email")).sendKeys("photo-desk@example.com");
        chrome.findElement(By.id("password")).sendKeys("photo desk password 1");
        chrome.findElement(By.cssSelector("button[type=submit].primary")).click();
        new WebDriverWait(chrome, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/newsroom/articles"));
    }

    @AfterAll
    void stop() {
        if (chrome != null) chrome.quit();
        app.close();
    }

    WebDriverWait waitUpTo(int seconds) { return new WebDriverWait(chrome, Duration.ofSeconds(seconds)); }

    void click(WebElement e) {
        clicks.incrementAndGet();
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", e); // as a person scrolls to it first
        e.click();
    }

    void insertPhotos(String search, long... ids) {
        waitUpTo(15).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Insert photo from the library']")));
        click(chrome.findElement(By.cssSelector("button[aria-label='Insert photo from the library']")));
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("picker-q")));
        chrome.findElement(By.id("picker-q")).sendKeys(search);
        for (long id : ids) {
            waitUpTo(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-photo-id='" + id + "']")));
            click(chrome.findElement(By.cssSelector("button[data-photo-id='" + id + "']")));
            // The search's results may replace the list just as the click lands (a 250 ms pause after typing): press again until chosen.
            waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                if (!d.findElements(By.id("picker-caption-" + id)).isEmpty()) return true;
                var button = d.findElements(By.cssSelector("button[data-photo-id='" + id + "'][aria-pressed='false']"));
                if (!button.isEmpty()) button.get(0).click(); // not counted: a person would not have clicked while the list changed
                return false;
            });
        }
    }

    static int status(String url) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
            .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_reporter_inserts_a_photo_and_a_gallery_with_their_own_captions_and_readers_get_renditions_that_exist_issue_10() throws Exception {
        var lead = Files.createTempFile("lead-", ".jpg");
        Files.write(lead, Fixtures.jpeg(1400, 900, 63));
        chrome.get(app.baseUrl() + "/newsroom/articles/new");
        chrome.findElement(By.id("headline")).sendKeys("Cranes return to the harbour");
        new Select(chrome.findElement(By.id("section"))).selectByVisibleText("News");
        clicks.incrementAndGet(); // choosing the section is a click on a phone or with a mouse
        chrome.findElement(By.id("bylines")).sendKeys("Pia Desk");
        clicks.incrementAndGet(); // the file chooser
        chrome.findElement(By.id("photo")).sendKeys(lead.toString());
        waitUpTo(15).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("body_ifr"));
        var body = chrome.findElement(By.id("tinymce"));
        click(body);
        body.sendKeys("The cranes came back on Monday.");
        chrome.switchTo().defaultContent();

        insertPhotos("crane", small);
        var caption = chrome.findElement(By.id("picker-caption-" + small));
        assertThat(caption.getAttribute("value")).isEqualTo("Library caption of the harbour crane."); // prefilled from the library
        assertThat(chrome.findElement(By.cssSelector("#picker-chosen .warn")).getText()).contains("Low resolution: 400 px");
        caption.clear();
        caption.sendKeys("This story's caption: the crane at dawn.");
        assertThat(Chromium.axeViolations(chrome)).as("axe with the photo picker open").isEmpty();
        click(chrome.findElement(By.id("picker-insert")));
        waitUpTo(5).until(ExpectedConditions.invisibilityOfElementLocated(By.id("picker-q")));
        int clicksForOneInlinePhoto = clicks.get();
        click(chrome.findElement(By.cssSelector("button[value=publish]")));
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        int clicksToPublish = clicks.get();
        System.out.println("clicks to write a story with a lead photo and one inline photo and publish it: " + clicksToPublish);

        var story = app.services().articles().listPublished(null, 1, 0).get(0);
        assertThat(story.headline()).isEqualTo("Cranes return to the harbour");
        assertThat(app.services().mediaStore().find(small).orElseThrow().caption()).as("the library keeps its own words")
            .isEqualTo("Library caption of the harbour crane.");
        chrome.get(app.baseUrl() + story.path());
        var figure = chrome.findElement(By.cssSelector(".story .body figure.inline-photo"));
        assertThat(figure.findElement(By.cssSelector("figcaption .caption")).getText()).isEqualTo("This story's caption: the crane at dawn.");
        assertThat(figure.findElement(By.cssSelector("figcaption .credit")).getAttribute("textContent")).isEqualTo("MASTHEAD/Library");
        var img = figure.findElement(By.tagName("img"));
        assertThat(img.getAttribute("alt")).isEqualTo("A crane");
        var srcset = img.getAttribute("srcset");
        assertThat(srcset).contains("w320.jpg 320w").contains("w400.jpg 400w").doesNotContain("w640");
        for (var candidate : srcset.split(",\\s*")) assertThat(status(app.baseUrl() + candidate.split(" ")[0])).as(candidate).isEqualTo(200);
        assertThat(status(app.baseUrl() + img.getDomAttribute("src"))).isEqualTo(200);
        waitUpTo(10).until(d -> (Boolean) chrome.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
        long shown = (Long) chrome.executeScript("return Math.round(arguments[0].getBoundingClientRect().width)", img);
        assertThat(shown).as("never stretched past its 400 px").isLessThanOrEqualTo(400L);

        // A gallery: two photos, each with its own caption.
        chrome.get(app.baseUrl() + "/newsroom/articles/" + story.id());
        waitUpTo(15).until(d -> (Boolean) chrome.executeScript("return !!(window.tinymce && tinymce.get('body') && tinymce.get('body').initialized)"));
        insertPhotos("", small, large);
        assertThat(chrome.findElement(By.id("picker-insert")).getText()).isEqualTo("Insert gallery of 2");
        chrome.findElement(By.id("picker-caption-" + large)).clear();
        chrome.findElement(By.id("picker-caption-" + large)).sendKeys("Gallery caption of the quay.");
        click(chrome.findElement(By.id("picker-insert")));
        click(chrome.findElement(By.cssSelector("button[value=save]")));
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        var saved = app.services().articles().find(story.id()).orElseThrow().bodyHtml();
        assertThat(saved).as("nothing typed or inserted before is lost").contains("The cranes came back on Monday.")
            .contains("caption: the crane at dawn.").contains("<div class=\"gallery\">");
        chrome.get(app.baseUrl() + story.path() + "?from=home"); // the browser keeps the first visit for a minute
        var gallery = chrome.findElements(By.cssSelector(".story .body .gallery figure.inline-photo"));
        assertThat(gallery).hasSize(2);
        assertThat(gallery.get(1).findElement(By.cssSelector(".caption")).getText()).isEqualTo("Gallery caption of the quay.");
        assertThat(gallery.get(1).findElement(By.tagName("img")).getAttribute("srcset")).contains("w1280.jpg 1280w").contains("w1600.jpg 1600w");
        assertThat(Chromium.axeViolations(chrome)).as("axe on a story with a gallery").isEmpty();
        assertThat(Chromium.cspViolations(chrome)).isEmpty();
        assertThat(clicksForOneInlinePhoto).isLessThan(clicksToPublish);
        assertThat(clicksToPublish).as("clicks, against 21 before").isLessThanOrEqualTo(10);
    }

    @Test
    void the_editor_script_is_served_compressed_issue_10() throws Exception {
        var url = URI.create(app.baseUrl() + "/webjars/tinymce/6.8.3/tinymce.min.js");
        var client = HttpClient.newHttpClient();
        var raw = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        var gz = client.send(HttpRequest.newBuilder(url).header("Accept-Encoding", "gzip, br").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gz.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gz.body().length).as("gzipped against " + raw.body().length + " bytes").isLessThan(raw.body().length / 2);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(raw.body());
        }
        System.out.println("editor script: " + raw.body().length + " bytes raw, " + gz.body().length + " gzipped");
    }

    @Test
    void a_lead_photo_fills_its_words_the_moment_it_is_chosen_and_a_refused_save_keeps_it_issue_10() throws Exception {
        var reference = org.masthead.testing.Testdata.resolve("photos/iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg").toAbsolutePath().normalize();
        chrome.get(app.baseUrl() + "/newsroom/articles/new");
        chrome.findElement(By.id("photo")).sendKeys(reference.toString());
        waitUpTo(20).until(ExpectedConditions.attributeToBeNotEmpty(chrome.findElement(By.id("lead_photo")), "value"));
        // Before any save: the fields hold the file's IPTC words, and the file is in the library.
        assertThat(chrome.findElement(By.id("photo_caption")).getAttribute("value")).isEqualTo("The description aka caption (ref2021.1)");
        assertThat(chrome.findElement(By.id("photo_credit")).getAttribute("value")).isEqualTo("Credit Line (ref2021.1)");
        assertThat(chrome.findElement(By.id("photo_alt")).getAttribute("value")).isEqualTo("This is the Alt Text description to support accessibility in 2021.1");
        assertThat(chrome.findElement(By.id("lead-preview")).isDisplayed()).isTrue();
        long photoId = Long.parseLong(chrome.findElement(By.id("lead_photo")).getAttribute("value"));

        // A slug the server refuses: the photo stays chosen and the words typed stay.
        chrome.findElement(By.id("photo_caption")).clear();
        chrome.findElement(By.id("photo_caption")).sendKeys("Our own caption for this story.");
        chrome.findElement(By.id("headline")).sendKeys("Reference photo story");
        new Select(chrome.findElement(By.id("section"))).selectByVisibleText("News");
        chrome.findElement(By.id("bylines")).sendKeys("Pia Desk");
        chrome.findElement(By.id("slug")).sendKeys("Not A Slug!");
        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        assertThat(chrome.switchTo().activeElement().getAttribute("id")).as("the summary takes focus").isEqualTo("problems");
        assertThat(chrome.findElement(By.cssSelector("#problems a[href='#slug']")).getText()).startsWith("Use lowercase letters");
        assertThat(chrome.findElement(By.id("slug")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(chrome.findElement(By.id("lead_photo")).getAttribute("value")).isEqualTo(String.valueOf(photoId));
        assertThat(chrome.findElement(By.id("photo_caption")).getAttribute("value")).isEqualTo("Our own caption for this story.");
        chrome.findElement(By.cssSelector("#problems a[href='#slug']")).click();
        var slug = chrome.switchTo().activeElement();
        assertThat(slug.getAttribute("id")).isEqualTo("slug");
        slug.clear();
        slug.sendKeys("reference-photo-story");
        chrome.findElement(By.cssSelector("button[value=publish]")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(chrome.findElement(By.cssSelector(".notice")).getText()).startsWith("Published");
        long id = Long.parseLong(chrome.getCurrentUrl().replaceAll("^.*/newsroom/articles/(\\d+).*$", "$1"));
        var a = app.services().articles().find(id).orElseThrow();
        assertThat(a.leadPhoto().id()).isEqualTo(photoId);
        assertThat(a.leadPhoto().caption()).isEqualTo("Our own caption for this story.");
        assertThat(chrome.findElement(By.cssSelector(".action-bar button.primary")).getText()).isEqualTo("Update live story");

        // Replace it with a library photo on the existing story, then remove it.
        click(chrome.findElement(By.id("lead-choose")));
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("picker-q")));
        chrome.findElement(By.id("picker-q")).sendKeys("quay");
        waitUpTo(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-photo-id='" + large + "']"))).click();
        assertThat(chrome.findElement(By.id("picker-insert")).getText()).isEqualTo("Use as lead photo");
        chrome.findElement(By.id("picker-insert")).click();
        assertThat(chrome.findElement(By.id("photo_caption")).getAttribute("value")).isEqualTo("Library caption of the quay.");
        chrome.findElement(By.cssSelector("button[value=save]")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(app.services().articles().find(id).orElseThrow().leadPhoto().id()).isEqualTo(large);
        click(chrome.findElement(By.id("remove_photo")));
        chrome.findElement(By.cssSelector("button[value=save]")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(app.services().articles().find(id).orElseThrow().leadPhoto()).isNull();
        assertThat(Chromium.cspViolations(chrome)).isEmpty();
    }

    @Test
    void the_focal_point_is_set_by_clicking_on_the_photo_and_the_crops_follow_issue_10() {
        var reference = app.services().uploads().upload(org.masthead.testing.Fixtures.jpeg(1200, 800, 64), new PhotoText("Focal test", "", "", "", "", ""), null);
        chrome.get(app.baseUrl() + "/newsroom/photos/" + reference.id());
        var image = chrome.findElement(By.id("focal-image"));
        var box = image.getRect();
        new org.openqa.selenium.interactions.Actions(chrome).moveToElement(image, -box.getWidth() / 4, box.getHeight() / 4).click().perform();
        assertThat(Integer.parseInt(chrome.findElement(By.id("focal_x")).getAttribute("value"))).isBetween(23, 27);
        assertThat(Integer.parseInt(chrome.findElement(By.id("focal_y")).getAttribute("value"))).isBetween(73, 77);
        assertThat(chrome.findElement(By.cssSelector(".crop-wide")).getCssValue("object-position")).matches("2[3-7]% 7[3-7]%");
        click(chrome.findElement(By.cssSelector("form button.primary")));
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        var saved = app.services().mediaStore().find(reference.id()).orElseThrow();
        assertThat(saved.focalX()).isBetween(0.23, 0.27);
        assertThat(saved.focalY()).isBetween(0.73, 0.77);
        assertThat(chrome.findElement(By.tagName("main")).getText()).doesNotContain("creatorJobTitle");
        assertThat(Chromium.axeViolations(chrome)).as("axe on the photo page").isEmpty();
    }

    @Test
    void an_image_pasted_or_dropped_into_the_body_goes_to_the_library_first_issue_10() {
        var data = java.util.Base64.getEncoder().encodeToString(org.masthead.testing.Fixtures.jpeg(500, 300, 99));
        int before = app.services().mediaStore().search("", org.masthead.media.MediaStore.Filter.ALL, 1000, 0).size();
        chrome.get(app.baseUrl() + "/newsroom/articles/new");
        waitUpTo(15).until(d -> (Boolean) chrome.executeScript("return !!(window.tinymce && tinymce.get('body') && tinymce.get('body').initialized)"));
        // What a paste or a drop of a file does: the editor holds it as a blob, then its upload handler sends it to the library.
        chrome.executeScript("tinymce.get('body').insertContent('<p>Before.</p><img src=\"data:image/jpeg;base64," + data + "\" alt=\"Pasted\">');"
            + "tinymce.get('body').uploadImages();");
        waitUpTo(15).until(d -> ((String) chrome.executeScript("return tinymce.get('body').getContent()")).contains("/media/"));
        var content = (String) chrome.executeScript("return tinymce.get('body').getContent()");
        assertThat(content).doesNotContain("data:image").doesNotContain("blob:").containsPattern("src=\"/media/r/[0-9a-f]{64}/w\\d+\\.jpg\"");
        assertThat(app.services().mediaStore().search("", org.masthead.media.MediaStore.Filter.ALL, 1000, 0)).hasSize(before + 1);
    }
}
