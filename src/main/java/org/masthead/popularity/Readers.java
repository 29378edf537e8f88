package org.masthead.popularity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recognises readers without cookies or stored addresses: a reader is HMAC-SHA256(daily salt,
 * address + User-Agent), cut to 64 bits. The salt is random, lives only in memory and is replaced
 * every UTC day; the previous one is kept for 30 minutes so a view just after midnight still folds.
 *
 * <p>Repeat views of one article by one reader within 30 minutes count once; one address may count
 * at most {@code perAddressPerMinute} views a minute. Both memories are fixed-size, lock-free
 * direct-mapped tables of longs (a slot per hash; a newer entry replaces an older one in the same
 * slot), so memory never grows with traffic: a collision can at worst count a repeat view once more.
 */
final class Readers {
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(30);
    private static final long REPEAT_MINUTES = REPEAT_WINDOW.toMinutes();

    enum Verdict { NEW, REPEAT, RATE_LIMITED }

    /** A day's salt, held only as an initialised HMAC that each use clones (no provider lookup per view). */
    private record Salt(long day, Mac mac) {
        static Salt random(long day, SecureRandom random) {
            var key = new byte[32];
            random.nextBytes(key);
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return new Salt(day, mac);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Clock clock;
    private final int perAddressPerMinute;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLongArray recent;     // (reader+article tag: high 48 bits) | (minute: low 16 bits)
    private final AtomicLongArray perAddress; // (address tag: high 32) | (minute: 16) | (count: low 16)
    private final int recentMask;
    private final int addressMask;
    private volatile Salt current;
    private volatile Salt previous;

    Readers(Clock clock, int perAddressPerMinute, int maxRemembered) {
        this.clock = clock;
        this.perAddressPerMinute = Math.min(perAddressPerMinute, 0xFFFF - 1);
        int slots = Integer.highestOneBit(Math.max(1024, maxRemembered - 1)) << 1;
        this.recent = new AtomicLongArray(slots);
        this.recentMask = slots - 1;
        this.perAddress = new AtomicLongArray(1 << 16);
        this.addressMask = (1 << 16) - 1;
    }

    Verdict check(long articleId, String address, String userAgent) {
        long now = clock.millis();
        long minute = now / 60_000;
        var salt = saltFor(now / 86_400_000L);
        if (perAddressPerMinute < 0xFFFF - 1 && !withinRate(hash(salt, "a", address), minute)) return Verdict.RATE_LIMITED;
        var prev = previous;
        if (prev != null && now % 86_400_000L < REPEAT_WINDOW.toMillis() && seen(mix(hash(prev, "r", address + '\n' + userAgent), articleId), minute, false)) {
            return Verdict.REPEAT;
        }
        return seen(mix(hash(salt, "r", address + '\n' + userAgent), articleId), minute, true) ? Verdict.REPEAT : Verdict.NEW;
    }

    /** Whether this reader-article key was seen within the repeat window; records it when {@code record}. */
    private boolean seen(long key, long minute, boolean record) {
        int slot = (int) key & recentMask;
        long tag = key & ~0xFFFFL;
        long fresh = tag | (minute & 0xFFFF);
        while (true) {
            long old = recent.get(slot);
            if (old != 0 && (old & ~0xFFFFL) == tag && ((minute - old) & 0xFFFF) < REPEAT_MINUTES) return true;
            if (!record || recent.compareAndSet(slot, old, fresh)) return false;
        }
    }

    private boolean withinRate(long addressHash, long minute) {
        int slot = (int) addressHash & addressMask;
        long tag = addressHash & 0xFFFFFFFF00000000L;
        long m = (minute & 0xFFFF) << 16;
        while (true) {
            long old = perAddress.get(slot);
            long count = (old & ~0xFFFFL) == (tag | m) ? (old & 0xFFFF) : 0;
            if (count >= perAddressPerMinute) return false;
            if (perAddress.compareAndSet(slot, old, tag | m | (count + 1))) return true;
        }
    }

    private static long mix(long reader, long articleId) {
        long z = reader ^ (articleId * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 29);
    }

    private Salt saltFor(long day) {
        var s = current;
        if (s != null && s.day() == day) return s;
        synchronized (this) {
            if (current == null || current.day() != day) {
                previous = current;
                current = Salt.random(day, random);
            }
            return current;
        }
    }

    private static long hash(Salt salt, String domain, String value) {
        try {
            var mac = (Mac) salt.mac().clone();
            mac.update(domain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
