package org.masthead.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files of the WebJars we allow (the editor) from the classpath, kept in memory. Javalin's
 * own webjar handler probes the classpath on every request and cost 60% of page throughput.
 */
public final class WebJars {
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
        "woff", "font/woff", "woff2", "font/woff2", "svg", "image/svg+xml", "json", "application/json", "png", "image/png");
    private final String allowedPrefix;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** Serves /webjars/{allowedPrefix}... only, e.g. "tinymce/6.8.3/". */
    public WebJars(String allowedPrefix) { this.allowedPrefix = allowedPrefix; }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/webjars/<path>", this::serve, Access.ANYONE);
    }

    private void serve(Context ctx) {
        var path = ctx.path().substring("/webjars/".length());
        if (!path.startsWith(allowedPrefix) || path.contains("..") || path.contains("//")) throw new NotFoundResponse("no such file");
        var bytes = files.get(path);
        if (bytes == null) {
            bytes = read(path).orElseThrow(() -> new NotFoundResponse("no such file"));
            files.put(path, bytes); // only files that exist are kept, so the map is bounded by the jar
        }
        var ext = path.substring(path.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", CacheControl.IMMUTABLE)
            .contentType(TYPES.getOrDefault(ext, "application/octet-stream")).result(bytes);
    }

    private static Optional<byte[]> read(String path) {
        try (InputStream in = WebJars.class.getResourceAsStream("/META-INF/resources/webjars/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
