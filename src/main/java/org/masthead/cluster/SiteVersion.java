package org.masthead.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.masthead.db.Database;

/**
 * One number for the site's structure (sections, their names, order and addresses): a change bumps
 * it in the database, and every node, polling it each second (job "site-version"), re-renders its
 * cached pages and forgets its cached section list. Stories change through the article event instead.
 */
public final class SiteVersion {
    private final Database db;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile long seen;

    public SiteVersion(Database db) { this.db = db; }

    /** Who hears that the version moved (on every node). */
    public void onChange(Runnable listener) { listeners.add(listener); }

    public long current() { return seen; }

    /** Reads the version before the first page (no listener runs). */
    public void start() { seen = read(); }

    /** This node changed the structure: the version moves for every node, and at once here. */
    public void bump() {
        db.useTransaction(h -> h.createUpdate("update site_version set version = version + 1 where id = 1").execute());
        poll();
    }

    /** The job's step: notices another node's change. */
    public void poll() {
        long v = read();
        if (v != seen) {
            seen = v;
            listeners.forEach(Runnable::run);
        }
    }

    private long read() {
        return db.read(h -> h.createQuery("select version from site_version where id = 1").mapTo(Long.class).one());
    }
}
