package org.masthead.media;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges on the stored intent: every photo with {@code renditions_ready = false} gets its missing
 * renditions, then the flag. Runs in the background (uploads return at once), resumes after a
 * restart from the flag, and is safe to run twice (files are written whole and kept if present).
 */
public final class RenditionJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RenditionJob.class);
    private final MediaStore store;
    private final Renditions renditions;
    private ScheduledExecutorService scheduler;

    public RenditionJob(MediaStore store, Renditions renditions) {
        this.store = store;
        this.renditions = renditions;
    }

    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("renditions").unstarted(r));
        scheduler.scheduleWithFixedDelay(this::runQuietly, 0, 2, TimeUnit.SECONDS);
    }

    /** Asks for a run soon (after an upload). */
    public void nudge() {
        var s = scheduler;
        if (s != null && !s.isShutdown()) {
            try {
                s.execute(this::runQuietly);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // closing: the next start picks the photo up from its flag
            }
        }
    }

    /** Processes every waiting photo; returns how many photos were completed. */
    public synchronized int run() {
        int done = 0;
        for (var batch = store.listNeedingRenditions(20); !batch.isEmpty(); batch = store.listNeedingRenditions(20)) {
            for (var source : batch) {
                try {
                    renditions.renderAll(source);
                } catch (Exception e) {
                    log.warn("renditions of photo {} failed, will retry: {}", source.photo().id(), e.toString());
                    return done;
                }
                store.markRenditionsMade(source);
                done++;
            }
        }
        return done;
    }

    /** Photos still waiting for renditions (for the newsroom). */
    public int waiting() { return store.countNeedingRenditions(); }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("rendition job failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
