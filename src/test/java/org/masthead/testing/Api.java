package org.masthead.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** The content API as a client uses it: tokens made on the admin page, photo uploads as multipart. */
public final class Api {
    private static final Pattern TOKEN = Pattern.compile("<code>(mh_[A-Za-z0-9_-]{43})</code>");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api() {}

    /** A new token of {@code scope} ("read" or "editor"), made by the signed-in admin {@code admin}. */
    public static String token(Browser admin, String scope) {
        var m = TOKEN.matcher(admin.post("/newsroom/tokens", Map.of("name", "test " + scope, "scope", scope)).body());
        if (!m.find()) throw new IllegalStateException("no token on the page");
        return m.group(1);
    }

    /** POST /api/v1/photos with the file and optional text fields. */
    public static HttpResponse<String> uploadPhoto(String baseUrl, String token, byte[] bytes, Map<String, String> fields) throws Exception {
        var boundary = "b" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
            .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/photos")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** One content API call with a bearer token: GET when {@code body} is null, else {@code method} with the JSON body. */
    public static HttpResponse<String> call(String baseUrl, String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
        b = body == null ? b.GET() : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
