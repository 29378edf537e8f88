package org.masthead.popularity;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which articles are published, with their section and publication time, as the beacon and the
 * rankings need them. Article ids are dense, so the common case is one long per id in an array
 * (section id in the low 20 bits, publication second above them; 0 = not published): 8 MB for a
 * million articles instead of ~125 MB as a map of boxed records. Ids or sections beyond the array's
 * reach fall back to a map. Reads are lock-free; writes (publish events, the tick) are rare.
 */
final class PublishedArticles {
    static final int SECTION_BITS = 20;
    static final int MAX_DENSE_ID = 1 << 26; // 64M articles; beyond, the map
    private volatile AtomicLongArray dense = new AtomicLongArray(1024);
    private final ConcurrentHashMap<Long, Live> sparse = new ConcurrentHashMap<>();

    record Live(long sectionId, long publishedAt) {}

    static long pack(long sectionId, long publishedAtMillis) {
        return (Math.max(0, publishedAtMillis / 1000) + 1) << SECTION_BITS | sectionId;
    }

    private static Live unpack(long v) {
        return new Live(v & ((1L << SECTION_BITS) - 1), ((v >>> SECTION_BITS) - 1) * 1000);
    }

    boolean contains(long id) {
        var d = dense;
        if (id >= 0 && id < d.length()) return d.get((int) id) != 0 || (!sparse.isEmpty() && sparse.containsKey(id));
        return sparse.containsKey(id);
    }

    /** The article's section and publication time, or null when it is not published. */
    Live get(long id) {
        var d = dense;
        if (id >= 0 && id < d.length()) {
            long v = d.get((int) id);
            if (v != 0) return unpack(v);
        }
        return sparse.get(id);
    }

    synchronized void put(long id, long sectionId, long publishedAt) {
        if (id < 0 || id >= MAX_DENSE_ID || sectionId >= (1L << SECTION_BITS)) {
            var d = dense;
            if (id >= 0 && id < d.length()) d.set((int) id, 0);
            sparse.put(id, new Live(sectionId, publishedAt / 1000 * 1000));
            return;
        }
        sparse.remove(id);
        long v = pack(sectionId, publishedAt);
        var d = dense;
        if (id >= d.length()) {
            int size = d.length();
            while (size <= id) size *= 2;
            var grown = new AtomicLongArray(Math.min(size, MAX_DENSE_ID));
            for (int i = 0; i < d.length(); i++) grown.set(i, d.get(i));
            dense = d = grown;
        }
        d.set((int) id, v);
    }

    synchronized void remove(long id) {
        var d = dense;
        if (id >= 0 && id < d.length()) d.set((int) id, 0);
        sparse.remove(id);
    }
}
