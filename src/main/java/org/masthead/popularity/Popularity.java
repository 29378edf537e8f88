package org.masthead.popularity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleStore;
import org.masthead.article.ArticleSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Most Popular engine (docs/popularity.md). {@link #beacon} takes a view without touching SQL
 * or Redis: it filters bots, unknown and unpublished articles, rate-limited addresses and repeat
 * readers, then adds to in-memory counters. Every tick (job "popularity" on the jobs runner) flushes the counters
 * to the {@link ViewStore} (SQL or Redis) and recomputes {@link Rankings} from it, so rankings follow
 * views within about one tick on every node. A failed flush keeps its counts for the next tick;
 * when the buffer is full, views of (article, minute) pairs not yet in it are dropped and counted.
 */
public final class Popularity implements AutoCloseable {
    public static final Window DEFAULT_WINDOW = Window.DAY;
    private static final Logger log = LoggerFactory.getLogger(Popularity.class);
    static final int KEEP = 20;
    static final int RAIL = 5;

    public enum Outcome { COUNTED, BOT, PREFETCH, UNKNOWN, RATE_LIMITED, REPEAT, DROPPED }

    /** Engine settings; validated by AppConfig. */
    public record Settings(Duration tick, int slowWindowTicks, int perAddressPerMinute, int maxRemembered, int maxPendingKeys,
                           int retentionDays) {}

    public record Health(boolean healthy, String store, int pendingKeys, long dropped, String lastError, long lastFlushAt) {}


    private final ViewStore store;
    private final ArticleStore articles;
    private final Clock clock;
    private final Settings settings;
    private final BotFilter bots;
    private final Readers readers;
    private final ViewCounter counter;
    private final PublishedArticles published = new PublishedArticles();
    private final Cache<Long, ArticleSummary> summaries = Caffeine.newBuilder().maximumSize(10_000)
        .expireAfterWrite(Duration.ofSeconds(30)).build();
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicLong versions = new AtomicLong();
    private volatile Rankings rankings = Rankings.empty();
    private volatile Map<Window, Map<Long, Long>> slowTotals = Map.of();
    private volatile double siteViewsPerSecond;
    private volatile String lastError = "";
    private volatile long lastFlushAt;
    private long ticks;

    public Popularity(ViewStore store, ArticleStore articles, Clock clock, Settings settings, BotFilter bots, MeterRegistry metrics) {
        this.store = store;
        this.articles = articles;
        this.clock = clock;
        this.settings = settings;
        this.bots = bots;
        this.readers = new Readers(clock, settings.perAddressPerMinute(), settings.maxRemembered());
        this.counter = new ViewCounter(settings.maxPendingKeys());
        for (var o : Outcome.values()) {
            outcomes.put(o, Counter.builder("masthead.views").tag("outcome", o.name().toLowerCase()).description("view beacons by outcome")
                .register(metrics));
        }
    }

    /** Loads the published articles and the stored rankings; the jobs runner then calls {@link #tick} (job "popularity", every node). */
    public void start() { load(); }

    /** The tick interval (the job's). */
    public java.time.Duration tickEvery() { return settings.tick(); }

    /** Loads the published articles and computes rankings from the store (a restart restores them). */
    public void load() {
        articles.listPublishedRefs().forEach(r -> published.put(r.id(), r.sectionId(), r.publishedAt()));
        tickQuietly();
    }

    /** A view beacon: always cheap, never blocks on storage. */
    public Outcome beacon(long articleId, String userAgent, String purpose, String address) {
        Outcome o;
        if (bots.isPrefetch(purpose)) o = Outcome.PREFETCH;
        else if (bots.isBot(userAgent)) o = Outcome.BOT;
        else if (!published.contains(articleId)) o = Outcome.UNKNOWN;
        else o = switch (readers.check(articleId, address, userAgent)) {
            case RATE_LIMITED -> Outcome.RATE_LIMITED;
            case REPEAT -> Outcome.REPEAT;
            case NEW -> counter.add(articleId, clock.millis() / 60_000) ? Outcome.COUNTED : Outcome.DROPPED;
        };
        outcomes.get(o).increment();
        return o;
    }

    /** The current rankings snapshot (never null). */
    public Rankings rankings() { return rankings; }

    /** The 24-hour rail for reader pages: site-wide, or a section's. */
    public List<ArticleSummary> rail(Long sectionId) {
        return rankings.mostRead(DEFAULT_WINDOW, sectionId).stream().limit(RAIL).map(Rankings.Ranked::article).toList();
    }

    public void articleChanged(ArticleChanged change) {
        if (change.photoId() != null) return; // a library photo, not a story
        summaries.invalidate(change.articleId());
        var after = change.after();
        if (after != null) published.put(change.articleId(), after.sectionId(), after.publishedAt() == null ? 0 : after.publishedAt());
        else published.remove(change.articleId());
    }

    /** One tick: flush, recompute rankings, and now and then compact. */
    public synchronized void tick() {
        flush();
        refresh();
        if (++ticks % 600 == 0) compact();
    }

    /** Writes the counters gathered so far to the store; on failure they stay for the next tick. */
    public void flush() {
        var pending = counter.drain(clock.millis() / 60_000);
        if (pending.isEmpty()) {
            lastFlushAt = clock.millis();
            return;
        }
        try {
            store.add(pending);
            lastFlushAt = clock.millis();
            lastError = "";
        } catch (RuntimeException e) {
            counter.restore(pending);
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            throw e;
        }
    }


    /** Recomputes every ranking from the store. */
    public void refresh() {
        long now = clock.millis();
        long minute = now / 60_000;
        long hour = now / 3_600_000;
        long day = now / 86_400_000;
        var totals = new EnumMap<Window, Map<Long, Long>>(Window.class);
        totals.put(Window.HOUR, store.minutes(minute - 59, minute));
        totals.put(Window.DAY, store.hours(hour - 23, hour));
        if (slowTotals.isEmpty() || ticks % settings.slowWindowTicks() == 0) {
            slowTotals = Map.of(Window.WEEK, store.days(day - 6, day), Window.MONTH, store.days(day - 29, day));
        }
        totals.putAll(slowTotals);
        var previous = store.hours(hour - 24, hour - 1);
        siteViewsPerSecond = store.minutes(minute - 1, minute - 1).values().stream().mapToLong(Long::longValue).sum() / 60.0;

        var site = new EnumMap<Window, List<long[]>>(Window.class);
        var bySection = new EnumMap<Window, Map<Long, List<long[]>>>(Window.class);
        for (var e : totals.entrySet()) {
            var ranked = rank(e.getValue());
            site.put(e.getKey(), ranked.subList(0, Math.min(KEEP, ranked.size())));
            bySection.put(e.getKey(), perSection(ranked));
        }
        var trendingRaw = new ArrayList<double[]>();
        for (var e : totals.get(Window.HOUR).entrySet()) {
            var live = published.get(e.getKey());
            if (live == null) continue;
            double hoursLive = (now - 3_600_000L - live.publishedAt()) / 3_600_000.0;
            double score = Trending.score(e.getValue(), previous.getOrDefault(e.getKey(), 0L), hoursLive);
            if (!Double.isNaN(score)) trendingRaw.add(new double[] {e.getKey(), e.getValue(), score});
        }
        trendingRaw.sort(Comparator.comparingDouble((double[] t) -> -t[2]).thenComparingDouble(t -> -t[1]));

        var ids = new LinkedHashSet<Long>();
        site.values().forEach(l -> l.forEach(r -> ids.add(r[0])));
        bySection.values().forEach(m -> m.values().forEach(l -> l.forEach(r -> ids.add(r[0]))));
        trendingRaw.stream().limit(200).forEach(t -> ids.add((long) t[0]));
        var missing = ids.stream().filter(id -> summaries.getIfPresent(id) == null).toList();
        if (!missing.isEmpty()) articles.listPublishedByIds(missing).forEach(s -> summaries.put(s.id(), s));

        var siteOut = new EnumMap<Window, List<Rankings.Ranked>>(Window.class);
        var sectionOut = new EnumMap<Window, Map<Long, List<Rankings.Ranked>>>(Window.class);
        site.forEach((w, l) -> siteOut.put(w, resolve(l)));
        bySection.forEach((w, m) -> {
            var out = new HashMap<Long, List<Rankings.Ranked>>();
            m.forEach((s, l) -> out.put(s, resolve(l)));
            sectionOut.put(w, out);
        });
        var trending = new ArrayList<Rankings.Ranked>();
        var trendingBySection = new HashMap<Long, List<Rankings.Ranked>>();
        for (var t : trendingRaw) {
            var summary = summaries.getIfPresent((long) t[0]);
            var live = published.get((long) t[0]);
            if (summary == null || live == null) continue;
            var r = new Rankings.Ranked(summary, (long) t[1], t[2]);
            if (trending.size() < KEEP) trending.add(r);
            var list = trendingBySection.computeIfAbsent(live.sectionId(), k -> new ArrayList<>());
            if (list.size() < KEEP) list.add(r);
        }
        var old = rankings;
        boolean changed = !shown(old).equals(shown(siteOut, sectionOut));
        rankings = new Rankings(changed ? versions.incrementAndGet() : old.version(), now, siteOut, sectionOut, trending, trendingBySection);
    }

    /** Published articles by views (most first, then newest), as [id, views] pairs. */
    private List<long[]> rank(Map<Long, Long> totals) {
        var list = new ArrayList<long[]>();
        totals.forEach((id, views) -> {
            var live = published.get(id);
            if (live != null && views > 0) list.add(new long[] {id, views, live.publishedAt(), live.sectionId()});
        });
        list.sort(Comparator.comparingLong((long[] r) -> -r[1]).thenComparingLong(r -> -r[2]).thenComparingLong(r -> -r[0]));
        return list;
    }

    private static Map<Long, List<long[]>> perSection(List<long[]> ranked) {
        var out = new HashMap<Long, List<long[]>>();
        for (var r : ranked) {
            var list = out.computeIfAbsent(r[3], k -> new ArrayList<>());
            if (list.size() < KEEP) list.add(r);
        }
        return out;
    }

    private List<Rankings.Ranked> resolve(List<long[]> rows) {
        var out = new ArrayList<Rankings.Ranked>(rows.size());
        for (var r : rows) {
            var s = summaries.getIfPresent(r[0]);
            if (s != null) out.add(new Rankings.Ranked(s, r[1], r[1]));
        }
        return out;
    }

    private static List<Object> shown(Rankings r) { return shown(r.site(), r.bySection()); }

    /** What reader pages show: the 24-hour rails, site-wide and per section (ids and headlines). */
    private static List<Object> shown(Map<Window, List<Rankings.Ranked>> site, Map<Window, Map<Long, List<Rankings.Ranked>>> bySection) {
        var out = new ArrayList<Object>();
        out.add(top(site.getOrDefault(DEFAULT_WINDOW, List.of())));
        var sections = bySection.getOrDefault(DEFAULT_WINDOW, Map.of());
        new java.util.TreeMap<>(sections).forEach((k, v) -> out.add(List.of(k, top(v))));
        return out;
    }

    private static List<ArticleSummary> top(List<Rankings.Ranked> list) {
        return list.stream().limit(RAIL).map(Rankings.Ranked::article).toList();
    }

    /** Drops minutes older than 48 hours, hours older than 30 days and days past the retention. */
    public void compact() {
        long now = clock.millis();
        store.compact(now / 60_000 - 48 * 60, now / 3_600_000 - 30 * 24, now / 86_400_000 - settings.retentionDays());
    }

    /** Per-minute views of these articles over the last 24 hours (oldest first). */
    public Map<Long, long[]> lastDayByMinute(List<Long> ids) {
        long minute = clock.millis() / 60_000;
        return store.minuteSeries(ids, minute - 1439, minute);
    }

    public double siteViewsPerSecond() { return siteViewsPerSecond; }

    /** The crawler list this node filters with (search turns known crawlers away with it too). */
    public BotFilter bots() { return bots; }

    /** Share of beacons this node refused as bots or prefetches, since start. */
    public double botShare() {
        double all = outcomes.values().stream().mapToDouble(Counter::count).sum();
        return all == 0 ? 0 : (outcomes.get(Outcome.BOT).count() + outcomes.get(Outcome.PREFETCH).count()) / all;
    }

    public long count(Outcome o) { return (long) outcomes.get(o).count(); }

    public Health health() {
        long now = clock.millis();
        boolean healthy = lastError.isEmpty() && now - lastFlushAt < Math.max(10_000, settings.tick().toMillis() * 5);
        return new Health(healthy, store.name(), counter.size(), count(Outcome.DROPPED), lastError, lastFlushAt);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("popularity tick failed ({} pending keys kept in memory): {}", counter.size(), e.toString());
        }
    }

    /** The last flush (call after the jobs runner stopped ticking). */
    @Override
    public void close() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("final view flush failed: {}", e.toString());
        }
    }

    /** Total stored views of one article over the retention (tests, newsroom). */
    public long views(long articleId) {
        long day = clock.millis() / 86_400_000;
        return store.days(day - settings.retentionDays(), day + 1).getOrDefault(articleId, 0L);
    }
}
