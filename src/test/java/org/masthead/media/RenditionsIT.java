package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.Fixtures;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestApp;

/** Renditions: sizes, crops, metadata kept, background job, on demand, resumable, and how pages use them. */
class RenditionsIT {
    static final Path REFERENCE = org.masthead.testing.Testdata.resolve("photos/iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg");

    @Test
    void every_rendition_is_made_in_the_background_at_its_size_and_keeps_the_photo_metadata() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var photo = app.services().uploads().upload(Files.readAllBytes(REFERENCE), new PhotoText("", "", "", "", "", ""), null);
            assertThat(app.services().renditions().wanted(photo)).extracting(Rendition::name)
                .containsExactly("w320.jpg", "w640.jpg", "w960.jpg", "w1280.jpg", "w1920.jpg", "wide-w640-f50x50.jpg", "wide-w1280-f50x50.jpg",
                    "square-w320-f50x50.jpg", "square-w640-f50x50.jpg");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (app.services().renditionJob().waiting() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(app.services().renditionJob().waiting()).isZero();
            for (var spec : app.services().renditions().wanted(photo)) {
                var file = app.dataDir().resolve("media/" + Renditions.key(photo.sha256(), spec.name()));
                assertThat(file).exists();
                var bytes = Files.readAllBytes(file);
                var image = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(image.getWidth()).as(spec.name()).isEqualTo(spec.width());
                assertThat(image.getHeight()).as(spec.name()).isEqualTo(spec.height());
                var m = MetadataReader.read(bytes);
                assertThat(m.caption()).as(spec.name()).isEqualTo("The description aka caption (ref2021.1)");
                assertThat(m.credit()).isEqualTo("Credit Line (ref2021.1)");
                assertThat(m.creator()).isEqualTo("Creator1 (ref2021.1)");
                assertThat(m.copyright()).isEqualTo("Copyright (Notice) 2021.1 IPTC - www.iptc.org  (ref2021.1)");
                assertThat(m.altText()).isEqualTo("This is the Alt Text description to support accessibility in 2021.1");
            }
            var served = app.browser().get(photo.rendition("w640.jpg"));
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.header("Cache-Control")).contains("immutable");
            var tooWide = app.browser().get(photo.rendition("w4000.jpg")); // wider than any rendition: the widest one it has
            assertThat(tooWide.status()).isEqualTo(302);
            assertThat(tooWide.header("Location")).startsWith("/media/r/").doesNotEndWith("w4000.jpg");
            assertThat(app.browser().get("/media/r/" + "0".repeat(64) + "/w640.jpg").status()).isEqualTo(404);
        }
    }

    @Test
    void small_photos_are_never_upscaled() {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var photo = app.services().uploads().upload(Fixtures.jpeg(700, 500, 3), new PhotoText("c", "", "", "", "", ""), null);
            assertThat(app.services().renditions().wanted(photo)).extracting(Rendition::name)
                .containsExactly("w320.jpg", "w640.jpg", "w700.jpg", "wide-w640-f50x50.jpg", "square-w320-f50x50.jpg");
        }
    }

    @Test
    void a_rendition_a_small_photo_does_not_have_leads_to_the_nearest_one_it_has_never_a_404_issue_10() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var photo = app.services().uploads().upload(Fixtures.jpeg(400, 300, 31), new PhotoText("Small", "", "", "", "", ""), null);
            var plain = app.browser().get(photo.rendition("w640.jpg")); // what the newsroom thumbnail asks for
            assertThat(plain.status()).isEqualTo(302);
            assertThat(plain.header("Location")).isEqualTo(photo.rendition("w400.jpg"));
            assertThat(app.browser().get(plain.header("Location")).status()).isEqualTo(200);
            var square = app.browser().get(photo.crop("square", 320)); // the library grid's thumbnail
            assertThat(square.status()).isIn(200, 302);
            if (square.status() == 302) assertThat(app.browser().get(square.header("Location")).status()).isEqualTo(200);
            var big = app.services().uploads().upload(Fixtures.jpeg(1600, 900, 32), new PhotoText("Big", "", "", "", "", ""), null);
            var oldFocal = app.browser().get(big.rendition("wide-w640-f10x10.jpg")); // a crop for a focal point the photo no longer has
            assertThat(oldFocal.status()).isEqualTo(302);
            assertThat(oldFocal.header("Location")).isEqualTo(big.crop("wide", 640));
            assertThat(app.browser().get("/media/r/" + "0".repeat(64) + "/w640.jpg").status()).isEqualTo(404);
        }
    }

    @Test
    void a_rendition_asked_for_before_the_job_reaches_it_is_made_on_demand_and_the_job_resumes_after_a_restart() throws Exception {
        var dir = Files.createTempDirectory("renditions-");
        var settings = Map.of("data.dir", dir.toString());
        Photo photo;
        try (var app = TestApp.start(Database.Engine.SQLITE, settings)) {
            app.jobs().pause("renditions"); // stop the background job: nothing is made unless asked
            photo = app.services().uploads().upload(Fixtures.jpeg(1600, 900, 9), new PhotoText("On demand", "MASTHEAD/D", "", "", "", ""), null);
            var res = app.browser().get(photo.crop("wide", 640));
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(app.services().renditionJob().waiting()).isEqualTo(1);
        }
        try (var app = TestApp.start(Database.Engine.SQLITE, settings)) { // "after a restart"
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (app.services().renditionJob().waiting() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(app.services().renditionJob().waiting()).isZero();
            assertThat(dir.resolve("media/" + Renditions.key(photo.sha256(), "w1280.jpg"))).exists();
        }
    }

    @Test
    void crops_follow_the_focal_point() throws Exception {
        var image = new java.awt.image.BufferedImage(1600, 900, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 800, 900);
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(800, 0, 800, 900);
        g.dispose();
        var left = Renditions.crop(image, new Rendition(Rendition.Crop.SQUARE, 320, 320, "f10x50"), 0.1, 0.5);
        var right = Renditions.crop(image, new Rendition(Rendition.Crop.SQUARE, 320, 320, "f90x50"), 0.9, 0.5);
        assertThat(left.getWidth()).isEqualTo(900);
        assertThat(new java.awt.Color(left.getRGB(450, 450))).isEqualTo(java.awt.Color.RED);
        assertThat(new java.awt.Color(right.getRGB(450, 450))).isEqualTo(java.awt.Color.BLUE);
    }

    @Test
    void reader_pages_use_srcset_with_dimensions_and_lazy_loading_below_the_fold() {
        try (var app = TestApp.start(Database.Engine.SQLITE)) {
            var path = PublishedSite.publish(app, 6);
            var article = app.browser().get(path).body();
            assertThat(article).containsPattern("<figure class=\"lead-photo\">\\s*<img src=\"/media/r/[0-9a-f]{64}/w640.jpg\" srcset=\"/media/r/[0-9a-f]{64}/w320.jpg 320w, /media/r/[0-9a-f]{64}/w640.jpg 640w\" sizes=\"[^\"]+\" width=\"640\" height=\"360\" alt=\"A quay at dusk, picture 0\" loading=\"eager\"");
            var home = app.browser().get("/").body();
            assertThat(home).contains("loading=\"lazy\"").contains("loading=\"eager\"");
        }
    }
}
