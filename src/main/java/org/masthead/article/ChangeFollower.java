package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers other nodes' article events to this node's listeners, the same {@link ArticleChanged}
 * the node that made the change delivered locally: pages, feeds and rails drop exactly what shows
 * the story. The jobs runner calls {@link #poll} (job "change-follower", every node) and
 * {@link #compact} (job "change-log-compaction", one node).
 */
public final class ChangeFollower {
    private static final int BATCH = 500;
    private final ChangeLog log;
    private final String node;
    private final Clock clock;
    private final List<Consumer<ArticleChanged>> listeners = new CopyOnWriteArrayList<>();
    private static final long WINDOW_MILLIS = 10_000; // a transaction that took its id this long before committing is still seen
    private volatile long lastId = -1;
    private final java.util.Map<Long, Long> delivered = new java.util.HashMap<>(); // id -> created_at, the recent window

    /** {@code node}: this process's identity; its own events were delivered when they happened. */
    public ChangeFollower(ChangeLog log, String node, Clock clock) {
        this.log = log;
        this.node = node;
        this.clock = clock;
    }

    public void onChange(Consumer<ArticleChanged> listener) { listeners.add(listener); }

    /** Starts following after the newest event (the window before it counts as seen). */
    public synchronized void start() {
        lastId = log.lastId();
        log.listAfter(lastId, clock.millis() - WINDOW_MILLIS, BATCH).forEach(e -> delivered.put(e.id(), e.createdAt()));
    }

    /** One look; returns how many events from other nodes were delivered. */
    public synchronized int poll() {
        if (lastId < 0) start();
        long since = clock.millis() - WINDOW_MILLIS;
        int count = 0;
        var batch = log.listAfter(lastId, since, BATCH);
        while (!batch.isEmpty()) {
            for (var e : batch) {
                if (delivered.putIfAbsent(e.id(), e.createdAt()) != null) continue;
                if (!e.node().equals(node)) {
                    for (var l : listeners) l.accept(e.change());
                    count++;
                }
                lastId = Math.max(lastId, e.id());
            }
            batch = batch.size() < BATCH ? List.of() : log.listAfter(lastId, Long.MAX_VALUE, BATCH);
        }
        delivered.values().removeIf(createdAt -> createdAt < since - WINDOW_MILLIS);
        return count;
    }

    /** Drops events older than an hour (a node that was away longer reloads what it caches on start). */
    public int compact() { return log.compact(clock.millis() - Duration.ofHours(1).toMillis()); }
}
