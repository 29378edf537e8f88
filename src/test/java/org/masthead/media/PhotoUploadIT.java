package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masthead.account.Role;
import org.masthead.article.ArticleStore;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** Photo uploads through the newsroom: validation by content, metadata prefill, de-duplication. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoUploadIT {
    static final Path PHOTOS = org.masthead.testing.Testdata.resolve("photos");
    TestApp app;
    Browser editor;
    long news;

    @BeforeAll
    void start() {
        app = TestApp.start(Database.Engine.SQLITE, Map.of("media.max-upload-bytes", String.valueOf(40L * 1024 * 1024)));
        editor = app.signedIn("photo-editor@example.com", Role.EDITOR);
        news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
    }

    @AfterAll
    void stop() { app.close(); }

    static Stream<Path> malformed() throws Exception {
        try (var files = Files.list(PHOTOS.resolve("malformed"))) {
            return files.filter(p -> p.toString().matches(".*\\.(jpg|png)$")).sorted().toList().stream();
        }
    }

    int count(String table) {
        return app.services().db().read(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
    }

    long originals() throws Exception {
        var dir = app.dataDir().resolve("media/originals");
        if (!Files.exists(dir)) return 0;
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void every_malformed_file_is_refused_with_a_message_and_leaves_nothing(Path file) throws Exception {
        int media = count("media");
        int articles = count("article");
        long stored = originals();
        var res = editor.postMultipart("/newsroom/articles", Fixtures.articleForm(news, "Malformed upload", Map.of()), "photo",
            file.getFileName().toString(), Files.readAllBytes(file));
        assertThat(res.status()).isBetween(400, 415);
        assertThat(res.body()).containsPattern("damaged or incomplete|not a JPEG, PNG, WebP or GIF");
        assertThat(count("media")).isEqualTo(media);
        assertThat(count("article")).isEqualTo(articles);
        assertThat(originals()).isEqualTo(stored);
    }

    long publishWith(String file, Map<String, String> overrides) throws Exception {
        var form = Fixtures.articleForm(news, "Photo from " + file, Map.of());
        for (var k : new String[] {"photo_caption", "photo_credit", "photo_creator", "photo_alt"}) form.put(k, "");
        form.putAll(overrides);
        var res = editor.postMultipart("/newsroom/articles", form, "photo", Path.of(file).getFileName().toString(),
            Files.readAllBytes(PHOTOS.resolve(file)));
        assertThat(res.status()).as(res.body()).isEqualTo(303);
        return Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    @Test
    void iptc_caption_credit_creator_and_alt_text_prefill_the_photo_and_the_originals_are_kept() throws Exception {
        long id = publishWith("iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg", Map.of());
        var photo = app.services().articles().find(id).orElseThrow().leadPhoto();
        assertThat(photo.caption()).isEqualTo("The description aka caption (ref2021.1)");
        assertThat(photo.credit()).isEqualTo("Credit Line (ref2021.1)");
        assertThat(photo.creator()).isEqualTo("Creator1 (ref2021.1)"); // EXIF Artist wins (MWG), as in the oracle
        assertThat(photo.copyright()).isEqualTo("Copyright (Notice) 2021.1 IPTC - www.iptc.org  (ref2021.1)");
        assertThat(photo.altText()).isEqualTo("This is the Alt Text description to support accessibility in 2021.1");
        assertThat(photo.width()).isEqualTo(2000);
        String source = app.services().db().read(h -> h.createQuery("select source_metadata from media where id = :id")
            .bind("id", photo.id()).mapTo(String.class).one());
        var meta = new ObjectMapper().readTree(source);
        assertThat(meta.get("city").asText()).isEqualTo("City (Core) (ref2021.1)");
        assertThat(meta.get("usageTerms").asText()).isEqualTo("Rights Usage Terms (ref2021.1)");
        assertThat(meta.get("keywords")).hasSize(3);
        var edit = editor.get("/newsroom/articles/" + id).body();
        assertThat(edit).contains(">The description aka caption (ref2021.1)</textarea>").contains("value=\"Credit Line (ref2021.1)\"");
        var stored = Files.readAllBytes(app.dataDir().resolve("media/originals/" + photo.sha256().substring(0, 2) + "/" + photo.file()));
        assertThat(stored).isEqualTo(Files.readAllBytes(PHOTOS.resolve("iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg")));
    }

    @Test
    void what_the_editor_types_wins_over_the_file() throws Exception {
        long id = publishWith("exiftool/PhotoMechanic.jpg", Map.of("photo_caption", "Our own caption", "photo_credit", "MASTHEAD/Desk"));
        var photo = app.services().articles().find(id).orElseThrow().leadPhoto();
        assertThat(photo.caption()).isEqualTo("Our own caption");
        assertThat(photo.credit()).isEqualTo("MASTHEAD/Desk");
        assertThat(photo.creator()).isEqualTo("Photographer");
    }

    @Test
    void png_and_webp_with_xmp_are_accepted_and_read() throws Exception {
        var png = app.services().articles().find(publishWith("frameright/metapm.png", Map.of())).orElseThrow().leadPhoto();
        assertThat(png.mime()).isEqualTo("image/png");
        assertThat(png.caption()).isEqualTo("Caption");
        var webp = app.services().articles().find(publishWith("frameright/meta.webp", Map.of())).orElseThrow().leadPhoto();
        assertThat(webp.mime()).isEqualTo("image/webp");
        assertThat(webp.caption()).isEqualTo("José Mourinho");
        assertThat(webp.credit()).isEqualTo("Photographer/Agency");
        var served = app.browser().get(webp.url());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/webp");
    }

    @Test
    void the_same_file_twice_is_one_photo() throws Exception {
        long a = publishWith("exiftool/XMP.jpg", Map.of());
        long b = publishWith("exiftool/XMP.jpg", Map.of());
        assertThat(app.services().articles().find(a).orElseThrow().leadPhoto().id())
            .isEqualTo(app.services().articles().find(b).orElseThrow().leadPhoto().id());
    }

    @Test
    void a_24_megapixel_jpeg_is_taken_and_a_decompression_bomb_is_refused_before_decoding() {
        var uploads = app.services().uploads();
        var big = Fixtures.jpeg(6000, 4000, 77);
        var photo = uploads.upload(big, new PhotoText("Big", "MASTHEAD/Big", "", "", "Alt", ""), null);
        assertThat(photo.width()).isEqualTo(6000);
        assertThat(photo.height()).isEqualTo(4000);
        // 30000×30000 declared in the header, a few hundred bytes on disk: refused by its header alone.
        var bomb = PixelBombs.jpegHeader(30_000, 30_000);
        int before = count("media");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> uploads.upload(bomb, new PhotoText("", "", "", "", "", ""), null))
            .isInstanceOf(UploadRejected.class).hasMessageContaining("30000×30000 pixels");
        assertThat(count("media")).isEqualTo(before);
    }
}
