package org.masthead.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Slows guessing down without locking the real person out (docs/security.md). Failures are counted
 * per (account, address) pair, per account and per address; once a counter passes its free
 * failures, each further attempt it covers waits 2^(n-free) seconds, at most 15 minutes.
 * <ul>
 *   <li>A browser that signed in to this account before (a trusted device cookie) is slowed only by
 *       its own failures: someone guessing from elsewhere, or from the same office address, never
 *       slows the owner's own browser.</li>
 *   <li>Anyone else is slowed by the pair after {@value #FREE_PER_PAIR} failures, by the account after
 *       {@value #FREE_PER_ACCOUNT} (guessing from many addresses) and by the address after
 *       {@value #FREE_PER_ADDRESS} (a newsroom behind one proxy has many people at one address).</li>
 * </ul>
 * Kept in memory per node; counters are forgotten after an hour without a failure.
 */
final class SignInThrottle {
    static final int FREE_PER_PAIR = 5;
    static final int FREE_PER_ACCOUNT = 50;
    static final int FREE_PER_ADDRESS = 200;
    static final int FREE_PER_DEVICE = 10;
    private static final long MAX_WAIT_SECONDS = 900;

    private record Failures(int count, long lastAtMillis) {}

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofHours(1)).maximumSize(200_000).build();
    private final Clock clock;

    SignInThrottle(Clock clock) { this.clock = clock; }

    /** The counters an attempt is subject to; {@code device} is the trusted-device hash for this account, or null. */
    private static List<String[]> keys(String email, String address, @Nullable String device) {
        var keys = new ArrayList<String[]>();
        if (device != null) {
            keys.add(new String[] {"d:" + device, String.valueOf(FREE_PER_DEVICE)});
        } else {
            keys.add(new String[] {"p:" + email + "|" + address, String.valueOf(FREE_PER_PAIR)});
            keys.add(new String[] {"e:" + email, String.valueOf(FREE_PER_ACCOUNT)});
            keys.add(new String[] {"a:" + address, String.valueOf(FREE_PER_ADDRESS)});
        }
        return keys;
    }

    /** Seconds to wait before another attempt, if any. */
    Optional<Long> waitFor(String email, String address, @Nullable String device) {
        long wait = 0;
        for (var k : keys(email, address, device)) wait = Math.max(wait, waitSeconds(k[0], Integer.parseInt(k[1])));
        return wait > 0 ? Optional.of(wait) : Optional.empty();
    }

    private long waitSeconds(String key, int free) {
        var f = failures.getIfPresent(key);
        if (f == null || f.count() < free) return 0;
        long delay = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, f.count() - free));
        long elapsed = (clock.millis() - f.lastAtMillis()) / 1000;
        return Math.max(0, delay - elapsed);
    }

    void failed(String email, String address, @Nullable String device) {
        long now = clock.millis();
        var all = new ArrayList<>(keys(email, address, device));
        if (device != null) all.addAll(keys(email, address, null)); // a trusted browser's failures still count toward the rest
        for (var k : all) failures.asMap().merge(k[0], new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    void succeeded(String email, String address, @Nullable String device) {
        failures.invalidate("p:" + email + "|" + address);
        if (device != null) failures.invalidate("d:" + device);
    }
}
