package org.masthead.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges on the stored intent: every photo with {@code renditions_ready = false} gets its missing
 * renditions, then the flag. Runs in the background (uploads return at once), resumes after a
 * restart from the flag, and is safe to run twice (files are written whole and kept if present).
 * The jobs runner calls {@link #run} (job "renditions", one node at a time).
 */
public final class RenditionJob {
    private static final Logger log = LoggerFactory.getLogger(RenditionJob.class);
    private final MediaStore store;
    private final Renditions renditions;
    private volatile Runnable nudger = () -> { };

    public RenditionJob(MediaStore store, Renditions renditions) {
        this.store = store;
        this.renditions = renditions;
    }

    /** How to ask the jobs runner for a run soon (set by app). */
    public void nudgeWith(Runnable nudger) { this.nudger = nudger; }

    /** Asks for a run soon (after an upload or a moved focal point). */
    public void nudge() { nudger.run(); }

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

}
