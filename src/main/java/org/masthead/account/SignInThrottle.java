package org.masthead.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down repeated failed sign-ins, per account and per address: after {@value #FREE_FAILURES}
 * failures for an account (or {@value #FREE_FAILURES_PER_ADDRESS} from one address, since a newsroom
 * often shares one public address) each further attempt must wait 2^(n-free) seconds, at most 15 minutes.
 * Kept in memory per node; failures are forgotten after an hour without one.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    private static final long MAX_WAIT_SECONDS = 900;

    private record Failures(int count, long lastAtMillis) {}

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofHours(1)).maximumSize(200_000).build();
    private final Clock clock;

    SignInThrottle(Clock clock) { this.clock = clock; }

    /** Seconds to wait before another attempt for this account or address, if any. */
    Optional<Long> waitFor(String email, String address) {
        long wait = Math.max(waitSeconds("e:" + email, FREE_FAILURES), waitSeconds("a:" + address, FREE_FAILURES_PER_ADDRESS));
        return wait > 0 ? Optional.of(wait) : Optional.empty();
    }

    private long waitSeconds(String key, int free) {
        var f = failures.getIfPresent(key);
        if (f == null || f.count() < free) return 0;
        long delay = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, f.count() - free));
        long elapsed = (clock.millis() - f.lastAtMillis()) / 1000;
        return Math.max(0, delay - elapsed);
    }

    void failed(String email, String address) {
        long now = clock.millis();
        for (var key : new String[] {"e:" + email, "a:" + address}) {
            failures.asMap().merge(key, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
    }

    void succeeded(String email) { failures.invalidate("e:" + email); }
}
