package org.masthead.http;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.BiFunction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty handler in front of Javalin that answers GET/HEAD for pages already rendered and current
 * straight from memory, skipping the servlet layer (measured: bare Jetty ≈ 1.45 × bare Javalin
 * here). Everything else, including a cache miss, goes on to Javalin, which renders and fills the cache.
 */
public final class FastLane extends Handler.Wrapper {
    public static final String BEACON_PATH = "/_/view";
    /** Reads the body and answers 204 like the beacon, counting nothing: the benchmark's baseline. */
    public static final String NOOP_PATH = "/_/noop";
    private static final int MAX_BEACON_BYTES = 256;

    private final BiFunction<String, String, Optional<CachedResponse>> lookup;
    private final Beacons beacons;
    private final ClientAddress clients;
    private final BiFunction<String, String, Optional<Refusal>> refusals;

    /** A refusal answered from memory before any routing (a search while the node's budget is spent): status, Retry-After, body. */
    public record Refusal(int status, String retryAfter, String contentType, byte[] body) {}

    /** {@code lookup} gets the raw path and query and returns a current cached page, if any. */
    public FastLane(BiFunction<String, String, Optional<CachedResponse>> lookup, Beacons beacons, ClientAddress clients) {
        this(lookup, beacons, clients, (path, query) -> Optional.empty());
    }

    /** {@code refusals}: for a GET's raw path and query, a refusal to send at once instead of routing it, if any. */
    public FastLane(BiFunction<String, String, Optional<CachedResponse>> lookup, Beacons beacons, ClientAddress clients,
                    BiFunction<String, String, Optional<Refusal>> refusals) {
        this.lookup = lookup;
        this.beacons = beacons;
        this.clients = clients;
        this.refusals = refusals;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var method = request.getMethod();
        if ("POST".equals(method)) {
            var path = request.getHttpURI().getPath();
            boolean beacon = BEACON_PATH.equals(path);
            if (beacon || NOOP_PATH.equals(path)) return answerBeacon(request, response, callback, beacon);
        }
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) return super.handle(request, response, callback);
        var uri = request.getHttpURI();
        var path = uri.getPath();
        if (path == null) return super.handle(request, response, callback); // keys are canonical percent-encoded paths: others miss
        var refusal = refusals.apply(path, uri.getQuery());
        if (refusal.isPresent()) return refuse(path, refusal.get(), head, response, callback);
        var page = lookup.apply(path, uri.getQuery());
        if (page.isEmpty()) return super.handle(request, response, callback);
        var p = page.get();
        var acceptEncoding = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        var etag = gzip ? p.gzipEtag() : p.etag();
        var headers = response.getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, p.cacheControl());
        headers.put(HttpHeader.ETAG, etag);
        headers.put(HttpHeader.VARY, "Accept-Encoding");
        if (!p.surrogateKeys().isEmpty()) {
            headers.put("Surrogate-Key", p.surrogateKeys());
            headers.put("Cache-Tag", p.surrogateKeys().replace(' ', ','));
        }
        SecurityHeaders.apply(path, headers::put);
        if (Etags.matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        var body = gzip ? p.gzipBody() : p.body();
        headers.put(HttpHeader.CONTENT_TYPE, p.contentType());
        if (gzip) headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    private static boolean refuse(String path, Refusal r, boolean head, Response response, Callback callback) {
        var headers = response.getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, CacheControl.NO_STORE);
        headers.put(HttpHeader.RETRY_AFTER, r.retryAfter());
        headers.put("X-Robots-Tag", "noindex");
        SecurityHeaders.apply(path, headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, r.contentType());
        headers.put(HttpHeader.CONTENT_LENGTH, r.body().length);
        response.setStatus(r.status());
        response.write(true, head ? null : ByteBuffer.wrap(r.body()), callback);
        return true;
    }

    /** 204 at once; the beacon's work is in-memory only. Oversized bodies are not read. */
    private boolean answerBeacon(Request request, Response response, Callback callback, boolean count) throws Exception {
        long length = request.getLength();
        String body = length >= 0 && length <= MAX_BEACON_BYTES ? Content.Source.asString(request, StandardCharsets.UTF_8) : "";
        if (count) {
            var h = request.getHeaders();
            var purpose = h.get("Sec-Purpose") != null ? h.get("Sec-Purpose") : h.get("Purpose");
            beacons.accept(body, h.get(HttpHeader.USER_AGENT), purpose, clients.resolve(Request.getRemoteAddr(request), h.get(HttpHeader.X_FORWARDED_FOR)));
        }
        response.setStatus(204);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CacheControl.NO_STORE);
        response.write(true, null, callback);
        return true;
    }
}
