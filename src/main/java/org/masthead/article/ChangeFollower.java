package org.masthead.article;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets every node hear about article changes made on any node: twice a second it reads the articles
 * updated since its last look (with a minute of overlap for clock skew, each change reported once)
 * and tells its listeners, which drop cached pages and feeds. On a single node this repeats what
 * the local change events already did, at the cost of one indexed query per half second. It is the
 * one poller: pages, feeds and the popularity engine's published set all listen to it.
 */
public final class ChangeFollower {
    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
    private final ArticleStore articles;
    private final Clock clock;
    private final List<Consumer<ArticleStore.StatusRef>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> seen = new ConcurrentHashMap<>();
    private volatile long since;

    public ChangeFollower(ArticleStore articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    public void onChange(Consumer<ArticleStore.StatusRef> listener) { listeners.add(listener); }

    /** Starts following from now; the jobs runner then calls {@link #poll} (job "change-follower", every node). */
    public void start() { since = clock.millis(); }

    /** One look; returns how many changes were reported. */
    public synchronized int poll() {
        long now = clock.millis();
        int reported = 0;
        for (var r : articles.listChangedSince(since - 60_000)) {
            var previous = seen.put(r.id(), r.updatedAt());
            if (previous != null && previous == r.updatedAt()) continue;
            for (var l : listeners) l.accept(r);
            reported++;
        }
        seen.values().removeIf(t -> t < now - 120_000);
        since = now;
        return reported;
    }


}
