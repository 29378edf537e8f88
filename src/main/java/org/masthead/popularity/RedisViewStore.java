package org.masthead.popularity;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * View aggregates in Redis for cluster mode, shared by every node: one hash per bucket
 * ({prefix}:views:m:{minute}, :h:{hour}, :d:{day}) mapping article id → views, written with pipelined
 * HINCRBY and expiring with their granularity's retention, so Redis needs no compaction job.
 */
public final class RedisViewStore implements ViewStore, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;
    private final long dayRetentionSeconds;

    private RedisViewStore(RedisClient client, StatefulRedisConnection<String, String> connection, String prefix, int retentionDays) {
        this.client = client;
        this.connection = connection;
        this.prefix = prefix + ":views:";
        this.dayRetentionSeconds = Duration.ofDays(retentionDays).toSeconds();
    }

    /** Connects; fails at boot when Redis cannot be reached (a node must start with its cluster). */
    public static RedisViewStore connect(String url, String prefix, int retentionDays) {
        var uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        // Reconnect quickly after an outage (exponential from 10 ms, at most 2 s apart).
        var resources = io.lettuce.core.resource.ClientResources.builder()
            .reconnectDelay(io.lettuce.core.resource.Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(2), 2, java.util.concurrent.TimeUnit.MILLISECONDS))
            .build();
        var client = RedisClient.create(resources, uri);
        // Fail fast while disconnected instead of queueing: the flusher keeps the counts and retries,
        // and queued commands replayed on reconnect would count those views twice.
        client.setOptions(io.lettuce.core.ClientOptions.builder()
            .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .autoReconnect(true).requestQueueSize(100_000).build());
        var connection = client.connect();
        return new RedisViewStore(client, connection, prefix, retentionDays);
    }

    private <T> List<T> pipeline(java.util.function.Consumer<List<RedisFuture<T>>> commands) {
        var async = connection.async();
        var futures = new ArrayList<RedisFuture<T>>();
        synchronized (connection) {
            connection.setAutoFlushCommands(false);
            try {
                commands.accept(futures);
                connection.flushCommands();
            } finally {
                connection.setAutoFlushCommands(true);
            }
        }
        if (!LettuceFutures.awaitAll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, futures.toArray(new RedisFuture[0]))) {
            throw new IllegalStateException("Redis did not answer within " + TIMEOUT.toMillis() + " ms");
        }
        var out = new ArrayList<T>(futures.size());
        for (var f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Redis: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return out;
    }

    @Override
    public void add(Map<ViewCounter.Key, Long> counts) {
        var async = connection.async();
        var expiries = new HashMap<String, Long>();
        this.<Object>pipeline(futures -> {
            counts.forEach((k, n) -> {
                var id = String.valueOf(k.articleId());
                var m = prefix + "m:" + k.minute();
                var h = prefix + "h:" + Math.floorDiv(k.minute(), 60);
                var d = prefix + "d:" + Math.floorDiv(k.minute(), 1440);
                futures.add(cast(async.hincrby(m, id, n)));
                futures.add(cast(async.hincrby(h, id, n)));
                futures.add(cast(async.hincrby(d, id, n)));
                expiries.put(m, Duration.ofHours(49).toSeconds());
                expiries.put(h, Duration.ofDays(31).toSeconds());
                expiries.put(d, dayRetentionSeconds);
            });
            expiries.forEach((key, ttl) -> futures.add(cast(async.expire(key, ttl))));
        });
    }

    @SuppressWarnings("unchecked")
    private static RedisFuture<Object> cast(RedisFuture<?> f) { return (RedisFuture<Object>) f; }

    private Map<Long, Long> sums(String kind, long from, long to) {
        var async = connection.async();
        var maps = this.<Map<String, String>>pipeline(futures -> {
            for (long t = from; t <= to; t++) futures.add(async.hgetall(prefix + kind + ":" + t));
        });
        var out = new HashMap<Long, Long>();
        for (var m : maps) m.forEach((id, n) -> out.merge(Long.parseLong(id), Long.parseLong(n), Long::sum));
        return out;
    }

    @Override public Map<Long, Long> minutes(long from, long to) { return sums("m", from, to); }

    @Override public Map<Long, Long> hours(long from, long to) { return sums("h", from, to); }

    @Override public Map<Long, Long> days(long from, long to) { return sums("d", from, to); }

    @Override
    public Map<Long, long[]> minuteSeries(List<Long> ids, long from, long to) {
        var out = new HashMap<Long, long[]>();
        if (ids.isEmpty()) return out;
        var fields = ids.stream().map(String::valueOf).toArray(String[]::new);
        var async = connection.async();
        var rows = this.<List<io.lettuce.core.KeyValue<String, String>>>pipeline(futures -> {
            for (long t = from; t <= to; t++) futures.add(async.hmget(prefix + "m:" + t, fields));
        });
        ids.forEach(id -> out.put(id, new long[(int) (to - from + 1)]));
        for (int i = 0; i < rows.size(); i++) {
            for (var kv : rows.get(i)) {
                if (kv.hasValue()) out.get(Long.parseLong(kv.getKey()))[i] = Long.parseLong(kv.getValue());
            }
        }
        return out;
    }

    @Override
    public void compact(long minuteFloor, long hourFloor, long dayFloor) {
        // Keys expire by themselves (minutes after 49 hours, hours after 31 days, days after the retention).
    }

    /** Deletes every key under this store's prefix (tests use a prefix per run). */
    public void deleteAll() {
        var sync = connection.sync();
        var keys = new HashSet<>(sync.keys(prefix + "*"));
        if (!keys.isEmpty()) sync.del(keys.toArray(new String[0]));
    }

    @Override public String name() { return "redis"; }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.getResources().shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
