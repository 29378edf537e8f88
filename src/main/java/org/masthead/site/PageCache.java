package org.masthead.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.masthead.http.CachedResponse;

/**
 * Rendered reader pages, kept in memory (identity and gzip) with strong ETags. An entry is current
 * while the Most Popular ranking it shows is; otherwise the page is rendered again on its next
 * request. Keys: {@code home}, {@code front:{section}:{page}}, {@code article:{path}}.
 */
final class PageCache {
    private record Page(CachedResponse response, long railVersion) {}

    private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(20_000).build();
    private final String cacheControl;

    PageCache(String cacheControl) { this.cacheControl = cacheControl; }

    /** The page if cached and current, without rendering. */
    Optional<CachedResponse> current(String key, long railVersion) {
        var page = pages.getIfPresent(key);
        return page != null && page.railVersion() == railVersion ? Optional.of(page.response()) : Optional.empty();
    }

    /** The cached page, or a fresh render when absent or stale; empty when the renderer finds nothing. */
    /** What a renderer returns: the HTML and the surrogate keys of what it shows. */
    record Rendered(String html, String surrogateKeys) {}

    Optional<CachedResponse> get(String key, long railVersion, Supplier<Optional<Rendered>> render) {
        var cached = current(key, railVersion);
        if (cached.isPresent()) return cached;
        var rendered = render.get();
        if (rendered.isEmpty()) {
            pages.invalidate(key);
            return Optional.empty();
        }
        var body = rendered.get().html().getBytes(StandardCharsets.UTF_8);
        var tag = digest(body);
        var fresh = new CachedResponse(body, gzip(body), "\"" + tag + "\"", "\"" + tag + "-gz\"", "text/html; charset=utf-8", cacheControl,
            rendered.get().surrogateKeys());
        pages.put(key, new Page(fresh, railVersion));
        return Optional.of(fresh);
    }

    void invalidate(String key) { pages.invalidate(key); }

    /** Drops every page whose surrogate keys include {@code key}. */
    void invalidateShowing(String key) {
        pages.asMap().values().removeIf(p -> (" " + p.response().surrogateKeys() + " ").contains(" " + key + " "));
    }

    void invalidatePrefix(String prefix) { pages.asMap().keySet().removeIf(k -> k.startsWith(prefix)); }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] body) { return org.masthead.http.Digests.sha256Hex(body).substring(0, 32); }
}
