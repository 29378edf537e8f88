package org.masthead.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one jobs runner (created and owned by app). A single ticking thread hands each due job to a
 * worker; a job never overlaps itself; {@link #nudge} asks for a run now (an upload, a queued
 * webhook). {@link Job.Scope#ONE_NODE} jobs first take their lease ({@link JobLeases}). Each job has
 * a timer and a failure counter ({@code masthead_job_seconds}, {@code masthead_job_failures_total}).
 * {@link #close} stops ticking, waits for running steps, and releases this node's leases.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final long TICK_MILLIS = 50;

    private final JobLeases leases;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final String node;
    private final Map<String, Entry> jobs = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    private static final class Entry {
        final Job job;
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean paused = new AtomicBoolean();
        final AtomicLong nextAt = new AtomicLong();
        final Timer timer;
        final io.micrometer.core.instrument.Counter failures;

        Entry(Job job, MeterRegistry metrics) {
            this.job = job;
            this.timer = Timer.builder("masthead_job").tag("job", job.name()).description("one run of a background job").register(metrics);
            this.failures = io.micrometer.core.instrument.Counter.builder("masthead_job_failures").tag("job", job.name()).register(metrics);
        }
    }

    /** {@code node}: this process's identity in leases. */
    public Jobs(JobLeases leases, Clock clock, MeterRegistry metrics, String node) {
        this.leases = leases;
        this.clock = clock;
        this.metrics = metrics;
        this.node = node;
    }

    public Jobs add(Job job) {
        if (ticker != null) throw new IllegalStateException("add jobs before start");
        if (jobs.putIfAbsent(job.name(), new Entry(job, metrics)) != null) throw new IllegalArgumentException("two jobs named " + job.name());
        return this;
    }

    public List<String> names() { return List.copyOf(jobs.keySet()); }

    public String node() { return node; }

    public synchronized void start() {
        if (ticker != null) return;
        // Platform threads: a job waiting on SQLite's busy timeout sleeps inside native code, which pins a virtual thread's
        // carrier; with two cores, two such waiters left the job holding the lock without a carrier to commit on (10 s stalls).
        workers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("job-", 0).factory());
        ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("jobs").unstarted(r));
        long now = clock.millis();
        jobs.values().forEach(e -> e.nextAt.set(now));
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code name} at the next tick (no-op before start, after close, or for an unknown name). */
    public void nudge(String name) {
        var e = jobs.get(name);
        if (e != null) e.nextAt.set(0);
    }

    /** Stops ticking one job until {@link #resume} (operators, tests); a run under way finishes. */
    public void pause(String name) { entry(name).paused.set(true); }

    public void resume(String name) { entry(name).paused.set(false); }

    private Entry entry(String name) {
        var e = jobs.get(name);
        if (e == null) throw new IllegalArgumentException("no job " + name);
        return e;
    }

    /** Runs one job now on the calling thread, lease permitting (tests, CLI); false when another node holds its lease. */
    public boolean runNow(String name) {
        var e = jobs.get(name);
        if (e == null) throw new IllegalArgumentException("no job " + name);
        return runOnce(e);
    }

    private void tick() {
        long now = clock.millis();
        for (var e : jobs.values()) {
            if (e.paused.get() || e.nextAt.get() > now || !e.running.compareAndSet(false, true)) continue;
            e.nextAt.set(now + e.job.every().toMillis());
            try {
                workers.execute(() -> {
                    try {
                        runOnce(e);
                    } finally {
                        e.running.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                e.running.set(false);
            }
        }
    }

    private boolean runOnce(Entry e) {
        if (e.job.scope() == Job.Scope.ONE_NODE) {
            long now = clock.millis();
            long ttl = Math.max(10_000, e.job.every().toMillis() * 3);
            try {
                if (!leases.take(e.job.name(), node, now, now + ttl)) return false;
            } catch (RuntimeException ex) {
                e.failures.increment();
                log.warn("job {}: could not take its lease: {}", e.job.name(), ex.toString());
                return false;
            }
        }
        var sample = Timer.start(metrics);
        try {
            e.job.step().run();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (Exception ex) {
            e.failures.increment();
            log.warn("job {} failed, will run again: {}", e.job.name(), ex.toString());
        } finally {
            sample.stop(e.timer);
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (ticker == null) return;
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        try {
            leases.releaseAll(node);
        } catch (RuntimeException ex) {
            log.warn("releasing job leases failed (they expire on their own): {}", ex.toString());
        }
    }

    /** How long a {@link Job.Scope#ONE_NODE} job waits for another node's lease to lapse after a crash, at most. */
    public static Duration leaseTtl(Job job) { return Duration.ofMillis(Math.max(10_000, job.every().toMillis() * 3)); }
}
