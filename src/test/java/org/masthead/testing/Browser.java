package org.masthead.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** One visitor over real HTTP: keeps cookies, does not follow redirects, remembers the last CSRF token. */
public final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient client;
    private String csrf = "";
    private String userAgent = Visitors.userAgent(0);

    Browser(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Browser userAgent(String ua) {
        this.userAgent = ua;
        return this;
    }

    public String csrf() { return csrf; }

    public Response get(String path) { return get(path, Map.of()); }

    public Response get(String path, Map<String, String> headers) {
        var b = request(path).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    /** A form POST; adds the remembered CSRF token unless {@code fields} has one or {@code withCsrf} is false. */
    public Response post(String path, Map<String, String> fields) { return post(path, fields, true); }

    public Response post(String path, Map<String, String> fields, boolean withCsrf) {
        var all = new LinkedHashMap<>(fields);
        if (withCsrf) all.putIfAbsent("_csrf", csrf);
        var body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A multipart POST with one optional file; adds the remembered CSRF token. */
    public Response postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        var boundary = "----masthead" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        var all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        try {
            for (var e : all.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(file);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** A POST of a ready-made body (e.g. multipart with several files), with the given headers. */
    public Response postRaw(String path, String contentType, byte[] body, Map<String, String> headers) {
        var b = request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    public Response signIn(String email, String password) {
        get("/newsroom/sign-in");
        var res = post("/newsroom/sign-in", Map.of("email", email, "password", password));
        if (res.status() == 302) get("/newsroom/articles");
        return res;
    }

    /** The view beacon, as site.js sends it. */
    public Response beacon(long articleId) {
        return send(request("/_/view").header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString("id=" + articleId)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent);
    }

    private Response send(HttpRequest req) {
        try {
            var res = client.send(req, HttpResponse.BodyHandlers.ofString());
            var m = CSRF.matcher(res.body());
            if (m.find()) csrf = m.group(1);
            return new Response(res.statusCode(), res.body(), res.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
