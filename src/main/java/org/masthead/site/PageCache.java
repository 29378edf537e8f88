package org.masthead.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rendered reader pages, kept in memory with a strong ETag. An entry is used while the Most Popular
 * ranking it shows is current; otherwise the page is rendered again (at most once per ranking change).
 * Keys: {@code home}, {@code front:{section}:{page}}, {@code article:{path}}.
 */
final class PageCache {
    record Page(byte[] body, String etag, long railVersion) {}

    private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(20_000).build();

    /** The cached page, or a fresh render when absent or stale; empty when the renderer finds nothing. */
    Optional<Page> get(String key, long railVersion, Supplier<Optional<String>> render) {
        var page = pages.getIfPresent(key);
        if (page != null && page.railVersion() == railVersion) return Optional.of(page);
        var html = render.get();
        if (html.isEmpty()) {
            pages.invalidate(key);
            return Optional.empty();
        }
        var body = html.get().getBytes(StandardCharsets.UTF_8);
        var fresh = new Page(body, "\"" + digest(body) + "\"", railVersion);
        pages.put(key, fresh);
        return Optional.of(fresh);
    }

    void invalidate(String key) { pages.invalidate(key); }

    void invalidatePrefix(String prefix) { pages.asMap().keySet().removeIf(k -> k.startsWith(prefix)); }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
