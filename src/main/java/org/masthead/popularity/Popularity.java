package org.masthead.popularity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleStore;
import org.masthead.article.ArticleSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Most Popular, first version. {@link #record} adds a view to in-memory counters (never SQL); a
 * flusher writes the aggregates to SQL every flush interval; a refresher recomputes the 24-hour
 * ranking every refresh interval. A crash loses at most one flush interval of views.
 */
public final class Popularity implements AutoCloseable {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(Popularity.class);
    private static final int RAIL_SIZE = 10;

    /** A ranking and a version that changes only when what it shows changes. */
    public record Ranking(long version, List<ArticleSummary> items) {
        public List<ArticleSummary> top(int n) { return items.subList(0, Math.min(n, items.size())); }
    }

    private final PopularityStore store;
    private final ArticleStore articles;
    private final Clock clock;
    private final Duration flushInterval;
    private final Duration refreshInterval;
    private final ViewCounter counter = new ViewCounter(1_000_000);
    private final Set<Long> published = ConcurrentHashMap.newKeySet();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Ranking ranking = new Ranking(0, List.of());
    private ScheduledExecutorService scheduler;

    public Popularity(PopularityStore store, ArticleStore articles, Clock clock, Duration flushInterval, Duration refreshInterval) {
        this.store = store;
        this.articles = articles;
        this.clock = clock;
        this.flushInterval = flushInterval;
        this.refreshInterval = refreshInterval;
    }

    public void start() {
        published.addAll(articles.listPublishedIds());
        refresh();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("popularity").unstarted(r));
        scheduler.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, refreshInterval.toMillis(), refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts one view of a published article; unknown or unpublished ids are ignored. */
    public boolean record(long articleId) {
        if (!published.contains(articleId)) return false;
        if (!counter.add(articleId, clock.millis() / 60_000)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** The most viewed published articles over {@code window} (the 24-hour one is cached). */
    public List<ArticleSummary> top(int n, Duration window) {
        if (window.equals(DEFAULT_WINDOW)) return ranking.top(n);
        return articles.listPublishedByIds(store.topPublished(sinceMinute(window), n));
    }

    public Ranking ranking() { return ranking; }

    public void articleChanged(ArticleChanged change) {
        if (change.after() != null) published.add(change.articleId());
        else published.remove(change.articleId());
        refreshQuietly();
    }

    /** Writes the counters gathered so far to SQL. */
    public void flush() {
        var pending = counter.drain(clock.millis() / 60_000);
        if (pending.isEmpty()) return;
        try {
            store.add(pending);
        } catch (RuntimeException e) {
            counter.restore(pending);
            throw e;
        }
    }

    /** Recomputes the 24-hour ranking; bumps the version only when what it shows changed. */
    public synchronized void refresh() {
        var items = articles.listPublishedByIds(store.topPublished(sinceMinute(DEFAULT_WINDOW), RAIL_SIZE));
        if (!Objects.equals(items, ranking.items())) ranking = new Ranking(versions.incrementAndGet(), items);
    }

    public long views(long articleId) { return store.countViews(articleId); }

    private long sinceMinute(Duration window) { return (clock.millis() - window.toMillis()) / 60_000; }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("view flush failed; counts kept in memory for the next try: {}", e.toString());
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("popularity refresh failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }
}
