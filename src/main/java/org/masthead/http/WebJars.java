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
    private final Map<String, Entry> files = new ConcurrentHashMap<>();

    /** A file as stored, and gzipped when it is text (the editor's script is 1.1 MB raw, a quarter of that gzipped). */
    private record Entry(byte[] raw, byte @org.jspecify.annotations.Nullable [] gzip) {}

    /** Serves /webjars/{allowedPrefix}... only, e.g. "tinymce/6.8.3/". */
    public WebJars(String allowedPrefix) { this.allowedPrefix = allowedPrefix; }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/webjars/<path>", this::serve, Access.ANYONE);
    }

    private void serve(Context ctx) {
        var path = ctx.path().substring("/webjars/".length());
        if (!path.startsWith(allowedPrefix) || path.contains("..") || path.contains("//")) throw new NotFoundResponse("no such file");
        var ext = path.substring(path.lastIndexOf('.') + 1);
        var entry = files.get(path);
        if (entry == null) {
            var bytes = read(path).orElseThrow(() -> new NotFoundResponse("no such file"));
            entry = new Entry(bytes, COMPRESSIBLE.contains(ext) ? gzip(bytes) : null);
            files.put(path, entry); // only files that exist are kept, so the map is bounded by the jar
        }
        ctx.header("Cache-Control", CacheControl.IMMUTABLE).header("Vary", "Accept-Encoding")
            .contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        var accepts = ctx.header("Accept-Encoding");
        if (entry.gzip() != null && accepts != null && accepts.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip").result(entry.gzip());
        } else {
            ctx.result(entry.raw());
        }
    }

    private static final java.util.Set<String> COMPRESSIBLE = java.util.Set.of("js", "css", "svg", "json");

    private static byte[] gzip(byte[] bytes) {
        var out = new java.io.ByteArrayOutputStream(bytes.length / 3);
        try (var z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Optional<byte[]> read(String path) {
        try (InputStream in = WebJars.class.getResourceAsStream("/META-INF/resources/webjars/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
