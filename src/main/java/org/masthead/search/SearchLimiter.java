package org.masthead.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Searches per address per minute (fixed one-minute windows), so a bot hammering /search gets 429s, not CPU. */
public final class SearchLimiter {
    private final int perMinute;
    private final Cache<String, AtomicInteger> windows;

    public SearchLimiter(int perMinute) {
        this.perMinute = perMinute;
        this.windows = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(200_000).build();
    }

    /** Whether {@code address} may search now (and counts this search). */
    public boolean allow(String address) { return windows.get(address, a -> new AtomicInteger()).incrementAndGet() <= perMinute; }
}
