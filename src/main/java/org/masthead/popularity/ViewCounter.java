package org.masthead.popularity;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-memory view counts per (article, minute). Writers only touch the current minute, so a drain
 * that resets adders (and drops keys two minutes old) never loses an increment.
 */
public final class ViewCounter {
    /** An article and a time slot (a minute here; an hour or a day inside stores). */
    public record Key(long articleId, long minute) {}

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final int maxKeys;

    ViewCounter(int maxKeys) { this.maxKeys = maxKeys; }

    /** Adds one view; false (and nothing counted) when the buffer is full. */
    boolean add(long articleId, long minute) {
        var key = new Key(articleId, minute);
        var adder = counts.get(key);
        if (adder == null) {
            if (counts.size() >= maxKeys) return false;
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
        return true;
    }

    /** Takes every count gathered so far. */
    Map<Key, Long> drain(long currentMinute) {
        var out = new HashMap<Key, Long>();
        for (var e : counts.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n > 0) out.put(e.getKey(), n);
            else if (e.getKey().minute() < currentMinute - 1) counts.remove(e.getKey(), e.getValue());
        }
        return out;
    }

    int size() { return counts.size(); }

    /** Puts counts back after a failed flush, so the next flush writes them. */
    void restore(Map<Key, Long> pending) {
        pending.forEach((k, n) -> counts.computeIfAbsent(k, x -> new LongAdder()).add(n));
    }
}
