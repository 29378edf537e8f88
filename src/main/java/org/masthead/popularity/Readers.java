package org.masthead.popularity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recognises readers without cookies or stored addresses: a reader is HMAC-SHA256(daily salt,
 * address + User-Agent), cut to 64 bits. The salt is random, lives only in memory and is replaced
 * every UTC day; the previous one is kept for 30 minutes so a view just after midnight still folds.
 * Repeat views of one article by one reader within 30 minutes count once; one address may count at
 * most {@code perAddressPerMinute} views a minute. Both memories are bounded (least recent dropped).
 */
final class Readers {
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(30);

    enum Verdict { NEW, REPEAT, RATE_LIMITED }

    private record Salt(long day, byte[] key) {}

    private final Clock clock;
    private final int perAddressPerMinute;
    private final SecureRandom random = new SecureRandom();
    private final Cache<Long, Boolean> recent;
    private final Cache<Long, AtomicInteger> perAddress;
    private volatile Salt current;
    private volatile Salt previous;

    Readers(Clock clock, int perAddressPerMinute, int maxRemembered) {
        this.clock = clock;
        this.perAddressPerMinute = perAddressPerMinute;
        this.recent = Caffeine.newBuilder().expireAfterWrite(REPEAT_WINDOW).maximumSize(maxRemembered).build();
        this.perAddress = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(2)).maximumSize(100_000).build();
    }

    Verdict check(long articleId, String address, String userAgent) {
        long now = clock.millis();
        long minute = now / 60_000;
        var salt = saltFor(now / 86_400_000L);
        long addressKey = hash(salt.key(), "a", address) ^ minute;
        if (perAddress.get(addressKey, k -> new AtomicInteger()).incrementAndGet() > perAddressPerMinute) return Verdict.RATE_LIMITED;
        long reader = hash(salt.key(), "r", address + '\n' + userAgent);
        var prev = previous;
        if (prev != null && now % 86_400_000L < REPEAT_WINDOW.toMillis()
            && recent.getIfPresent(key(hash(prev.key(), "r", address + '\n' + userAgent), articleId)) != null) {
            return Verdict.REPEAT;
        }
        return recent.asMap().putIfAbsent(key(reader, articleId), Boolean.TRUE) == null ? Verdict.NEW : Verdict.REPEAT;
    }

    private static long key(long reader, long articleId) { return reader * 0x9E3779B97F4A7C15L ^ articleId; }

    private Salt saltFor(long day) {
        var s = current;
        if (s != null && s.day() == day) return s;
        synchronized (this) {
            if (current == null || current.day() != day) {
                var bytes = new byte[32];
                random.nextBytes(bytes);
                previous = current;
                current = new Salt(day, bytes);
            }
            return current;
        }
    }

    private static long hash(byte[] key, String domain, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
