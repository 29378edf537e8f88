package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** Photo upload through the content API, with tokens an admin makes in the newsroom. */
class PhotoApiIT {
    static final Path PHOTOS = org.masthead.testing.Testdata.resolve("photos");
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> upload(TestApp app, String token, String fileName, byte[] file) throws Exception {
        var boundary = "----api" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"credit\"\r\n\r\nAPI/Desk\r\n").getBytes());
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").getBytes());
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        var req = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/photos"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) req.header("Authorization", "Bearer " + token);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String createToken(org.masthead.testing.Browser admin, String name, String scope) {
        var res = admin.post("/newsroom/tokens", Map.of("name", name, "scope", scope));
        assertThat(res.status()).isEqualTo(201);
        var m = Pattern.compile("<code>(mh_[A-Za-z0-9_-]{43})</code>").matcher(res.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void editor_tokens_upload_read_tokens_read_and_everything_else_is_refused_as_problem_json() throws Exception {
        try (var app = TestApp.start(Database.Engine.SQLITE, Map.of("api.requests-per-minute", "12"))) {
            var admin = app.signedIn("api-admin@example.com", Role.ADMIN);
            var editorToken = createToken(admin, "Wire robot", "editor");
            var readToken = createToken(admin, "Partner site", "read");
            assertThat(admin.get("/newsroom/tokens").body()).contains("Wire robot").contains("Partner site").doesNotContain(editorToken);
            var reference = Files.readAllBytes(PHOTOS.resolve("iptc-reference/IPTC-PhotometadataRef-Std2021.1.jpg"));

            var created = upload(app, editorToken, "ref.jpg", reference);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var photo = new ObjectMapper().readTree(created.body());
            assertThat(photo.get("caption").asText()).isEqualTo("The description aka caption (ref2021.1)");
            assertThat(photo.get("credit").asText()).isEqualTo("API/Desk"); // what the client sent wins over the file
            assertThat(photo.get("fromFile").get("credit").asText()).isEqualTo("Credit Line (ref2021.1)");
            assertThat(photo.get("renditions")).hasSize(9);
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/photos/" + photo.get("id").asLong());
            assertThat(created.headers().firstValue("Cache-Control")).hasValue("private, no-store");

            var read = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/photos/" + photo.get("id").asLong()))
                .header("Authorization", "Bearer " + readToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("Creator1 (ref2021.1)");

            var byReader = upload(app, readToken, "ref.jpg", reference);
            assertThat(byReader.statusCode()).isEqualTo(403);
            assertThat(byReader.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(byReader.body()).contains("editor scope");
            var anonymous = upload(app, null, "ref.jpg", reference);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
            var notImage = upload(app, editorToken, "photo.jpg", "<svg onload=alert(1)>".getBytes());
            assertThat(notImage.statusCode()).isEqualTo(415);
            assertThat(notImage.body()).contains("\"status\":415").contains("not a JPEG, PNG, WebP or GIF");
            var missing = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/photos/999999"))
                .header("Authorization", "Bearer " + readToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"status\":404");

            int limited = 0;
            String retryAfter = null;
            for (int i = 0; i < 15; i++) {
                var r = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/photos/" + photo.get("id").asLong()))
                    .header("Authorization", "Bearer " + readToken).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 429) {
                    limited++;
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                }
            }
            assertThat(limited).isPositive();
            assertThat(retryAfter).matches("[0-9]+");

            var tokens = app.services().db().read(h -> h.createQuery("select id from api_token where name = 'Wire robot'").mapTo(Long.class).one());
            assertThat(admin.post("/newsroom/tokens/" + tokens + "/revoke", Map.of()).status()).isEqualTo(303);
            assertThat(upload(app, editorToken, "ref.jpg", reference).statusCode()).isEqualTo(401);
            var editor = app.signedIn("not-admin@example.com", Role.EDITOR);
            assertThat(editor.get("/newsroom/tokens").status()).isEqualTo(403);
            String stored = app.services().db().read(h -> h.createQuery("select token_hash from api_token where name = 'Partner site'").mapTo(String.class).one());
            assertThat(stored).doesNotContain(readToken).hasSize(64);
        }
    }
}
