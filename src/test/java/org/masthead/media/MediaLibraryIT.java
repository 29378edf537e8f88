package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/** The newsroom media library over HTTP: multi-file upload, search, filters, a photo's page, reuse, publish warnings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MediaLibraryIT {
    abstract Database.Engine engine();

    static final Path PHOTOS = org.masthead.testing.Testdata.resolve("photos");
    TestApp app;
    Browser editor;

    @BeforeAll
    void start() {
        app = TestApp.start(engine());
        editor = app.signedIn("library@example.com", Role.EDITOR);
    }

    @AfterAll
    void stop() { app.close(); }

    /** A multipart POST of several files under one field, as the upload page sends it. */
    Browser.Response uploadFiles(Map<String, byte[]> files, boolean json) throws Exception {
        var boundary = "----lib" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + editor.csrf() + "\r\n").getBytes());
        for (var e : files.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + e.getKey()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes());
            out.writeBytes(e.getValue());
            out.writeBytes("\r\n".getBytes());
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes());
        return editor.postRaw("/newsroom/photos", "multipart/form-data; boundary=" + boundary, out.toByteArray(),
            json ? Map.of("Accept", "application/json") : Map.of());
    }

    @Test
    void several_files_at_once_each_accepted_or_refused_on_its_own() throws Exception {
        editor.get("/newsroom/photos/upload");
        var files = new java.util.LinkedHashMap<String, byte[]>();
        files.put("reference.jpg", Files.readAllBytes(PHOTOS.resolve("iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg")));
        files.put("mechanic.jpg", Files.readAllBytes(PHOTOS.resolve("exiftool/PhotoMechanic.jpg")));
        files.put("broken.png", Files.readAllBytes(PHOTOS.resolve("malformed/pngsuite-xcsn0g01.png")));
        var res = uploadFiles(files, true);
        assertThat(res.status()).isEqualTo(200);
        var list = new ObjectMapper().readTree(res.body());
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("caption").asText()).isEqualTo("The description aka caption (ref2021.1)");
        assertThat(list.get(0).get("credit").asText()).isEqualTo("Credit Line (ref2021.1)");
        assertThat(list.get(1).get("caption").asText()).isEqualTo("Caption");
        assertThat(list.get(2).get("error").asText()).contains("damaged");
        var html = uploadFiles(Map.of("x.png", Files.readAllBytes(PHOTOS.resolve("frameright/metapm.png"))), false);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("x.png</a>: Caption");

        var search = editor.get("/newsroom/photos?q=ref2021").body();
        assertThat(search).contains("The description aka caption (ref2021.1)").doesNotContain(">Caption<");
        assertThat(editor.get("/newsroom/photos?q=keyword2ref2021.1").body()).contains("The description aka caption (ref2021.1)");
        assertThat(editor.get("/newsroom/photos?q=Photographer").body()).contains("Caption");
        assertThat(editor.get("/newsroom/photos?q=100%25_").body()).contains("No photos match"); // wildcards are literal
        var missingCredit = editor.get("/newsroom/photos?filter=missing-credit").body();
        assertThat(missingCredit).contains("No credit").doesNotContain("Credit Line (ref2021.1)");
        assertThat(editor.get("/newsroom/photos?filter=bogus").status()).isEqualTo(400);
    }

    @Test
    void the_library_searches_with_the_sites_engine_in_any_script_and_follows_an_edit_at_once_issue_12() throws Exception {
        var photo = app.services().uploads().upload(Fixtures.jpeg(640, 480, 41), new PhotoText("طلاب المدرسة في القدس بعد أن غمرت المياه الشوارع",
            "رويترز/أحمد جاد الله", "", "", "", ""), null);
        var caption = "طلاب المدرسة في القدس";
        assertThat(editor.get("/newsroom/photos?q=" + enc("المدرسه")).body()).as("taa marbuta folded: not a substring SQL would find")
            .contains(caption);
        assertThat(editor.get("/newsroom/photos?q=" + enc("مدرسة")).body()).as("the Arabic stem, without the article").contains(caption);
        assertThat(editor.get("/newsroom/photos?q=" + enc("رويتر")).body()).as("a word's beginning finds it").contains(caption);
        assertThat(editor.get("/newsroom/photos?q=" + enc("رويتر") + "&filter=missing-alt").body()).contains(caption);
        assertThat(editor.get("/newsroom/photos/picker?q=" + enc("المدرسه")).body()).as("the story editor's picker: the same engine")
            .contains("\"id\":" + photo.id());

        var save = editor.post("/newsroom/photos/" + photo.id(), Map.of("caption", "Streets flooded near the school in Jerusalem",
            "credit", "REUTERS/Ahmad Gharabli", "creator", "", "copyright", "", "alt", "Pupils wading through water", "title", "",
            "focal_x", "50", "focal_y", "50", "text_revision", String.valueOf(app.services().mediaStore().textRevision(photo.id()))));
        assertThat(save.status()).isEqualTo(303);
        assertThat(editor.get("/newsroom/photos?q=" + enc("المدرسه")).body()).as("the old words no longer find it").contains("No photos match");
        assertThat(editor.get("/newsroom/photos?q=floods").body()).as("stemmed: floods finds flooded, as no LIKE would")
            .contains("Streets flooded near the school");
        assertThat(editor.get("/newsroom/photos?q=" + enc("gharabli -jerusalem")).body()).as("exclusion").contains("No photos match");
        assertThat(editor.get("/newsroom/photos?q=" + enc("gharabli") + "&filter=missing-alt").body()).as("it has alt text now")
            .doesNotContain("Streets flooded near the school");
        assertThat(editor.get("/newsroom/photos?q=" + enc("\"near the school\"")).body()).as("a phrase").contains("Streets flooded near the school");
        assertThat(editor.get("/newsroom/photos?q=" + enc("\"streets flood\"")).body()).as("a phrase no caption has as written: its words' other forms")
            .contains("Streets flooded near the school");
        assertThat(editor.get("/newsroom/photos?q=" + enc("(((\"")).status()).as("junk is read as words, never a 500").isEqualTo(200);
        for (var hostile : new String[] {"%00%01%7F", "%FF%FE", "%E2%80%AE" + enc("رويترز"), "a".repeat(5000), enc("a* b* c* d* e* f* g* h* ".repeat(8)),
            enc("gharabli") + "&page=100000"}) {
            assertThat(editor.get("/newsroom/photos?q=" + hostile).status()).as("library search for " + hostile.substring(0, Math.min(40, hostile.length())))
                .isBetween(200, 499);
            assertThat(editor.get("/newsroom/photos/picker?q=" + hostile).status()).isBetween(200, 499);
        }
    }

    static String enc(String s) { return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8); }

    @Test
    void a_photos_page_shows_file_metadata_renditions_and_use_and_saves_edits_and_focal_point() throws Exception {
        var photo = app.services().uploads().upload(Files.readAllBytes(PHOTOS.resolve("metadata-extractor/fujifilm-finepix-s1pro-4.jpg")),
            new PhotoText("", "", "", "", "", ""), null);
        var page = editor.get("/newsroom/photos/" + photo.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The Gateshead Angel").contains("Ian Britton - FreeFoto.com").contains("w320.jpg")
            .contains("square-w320-f50x50.jpg").contains("No articles yet");
        var save = editor.post("/newsroom/photos/" + photo.id(), Map.of("caption", "The Angel of the North at dusk.",
            "credit", "FreeFoto.com/Ian Britton", "creator", "Ian Britton", "copyright", "FreeFoto.com", "alt", "A steel sculpture with wings",
            "title", "", "focal_x", "20", "focal_y", "30", "text_revision", String.valueOf(app.services().mediaStore().textRevision(photo.id()))));
        assertThat(save.status()).isEqualTo(303);
        var saved = app.services().uploads().find(photo.id()).orElseThrow();
        assertThat(saved.caption()).isEqualTo("The Angel of the North at dusk.");
        var source = app.services().mediaStore().findSource(photo.id()).orElseThrow();
        assertThat(source.focalX()).isEqualTo(0.2);
        // A moved focal point gives the crops new URLs (immutable caches never serve the old crop), and the old ones redirect to them.
        assertThat(app.browser().get(saved.crop("square", 320)).status()).isEqualTo(200);
        assertThat(saved.crop("square", 320)).endsWith("square-w320-f20x30.jpg");
        var old = app.browser().get(photo.crop("square", 320)); // the old crop URL leads to the new crop, never a 404
        assertThat(old.status()).isEqualTo(302);
        assertThat(old.header("Location")).isEqualTo(saved.crop("square", 320));
        assertThat(editor.get("/newsroom/photos/" + photo.id()).body()).contains("The Gateshead Angel"); // the original stays beside the edit
        var bad = editor.post("/newsroom/photos/" + photo.id(), Map.of("caption", "x", "focal_x", "150", "focal_y", "abc"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("focal point must be two numbers from 0 to 100");
        assertThat(app.services().uploads().find(photo.id()).orElseThrow().caption()).isEqualTo("The Angel of the North at dusk.");
    }

    @Test
    void a_library_photo_becomes_a_lead_photo_and_publishing_without_credit_warns() throws Exception {
        var photo = app.services().uploads().upload(Fixtures.jpeg(1200, 800, 31), new PhotoText("Harbour at dawn", "", "", "", "", ""), null);
        var form = editor.get("/newsroom/articles/new?photo=" + photo.id()).body();
        assertThat(form).contains("name=\"lead_photo\" id=\"lead_photo\" value=\"" + photo.id() + "\"").contains(">Harbour at dawn</textarea>");
        var fields = Fixtures.articleForm(app.services().taxonomy().listSections().get(0).id(), "Dawn over the harbour", Map.of(
            "lead_photo", String.valueOf(photo.id()), "photo_caption", "Harbour at dawn", "photo_credit", "", "photo_alt", "", "action", "publish"));
        var res = editor.postMultipart("/newsroom/articles", fields, "photo", "", null);
        assertThat(res.status()).isEqualTo(303);
        var page = editor.get(res.header("Location")).body();
        assertThat(page).contains("Warning: the lead photo has no alt text and no a credit.".replace("no a credit", "no a credit"));
        long articleId = Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
        assertThat(app.services().articles().find(articleId).orElseThrow().leadPhoto().id()).isEqualTo(photo.id());
        assertThat(editor.get("/newsroom/photos/" + photo.id()).body()).contains("Dawn over the harbour");
    }

    @Test
    void publishing_can_be_blocked_until_the_lead_photo_has_alt_text_and_credit() {
        try (var strict = TestApp.start(Database.Engine.SQLITE, Map.of("media.require-alt-and-credit", "true"))) {
            var desk = strict.signedIn("strict@example.com", Role.EDITOR);
            var fields = Fixtures.articleForm(strict.services().taxonomy().listSections().get(0).id(), "No credit story",
                Map.of("photo_credit", "", "action", "publish"));
            var res = desk.postMultipart("/newsroom/articles", fields, "photo", "p.jpg", Fixtures.jpeg(400, 300, 5));
            assertThat(res.status()).isEqualTo(400);
            assertThat(res.body()).contains("Add alt text and a credit to the lead photo before publishing.");
            assertThat(strict.services().articles().listPublished(null, 10, 0)).isEmpty();
        }
    }
}
