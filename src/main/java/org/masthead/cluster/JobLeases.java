package org.masthead.cluster;

import org.masthead.db.Database;

/**
 * The SQL for job leases: a job of {@link Job.Scope#ONE_NODE} runs only on the node whose lease on it
 * has not expired. Taking a lease is one conditional update (the webhook delivery claim's shape):
 * of two nodes racing, the one whose update finds the row still free or its own wins.
 */
public final class JobLeases {
    private final Database db;

    public JobLeases(Database db) { this.db = db; }

    /** Takes or renews the lease on {@code job} for {@code node} until {@code until}; false when another node holds it. */
    public boolean take(String job, String node, long now, long until) {
        return db.transaction(h -> {
            h.createUpdate("insert into job_lease (job, holder, expires_at) values (:j, '', 0) on conflict (job) do nothing").bind("j", job).execute();
            return h.createUpdate("update job_lease set holder = :n, expires_at = :until where job = :j and (holder = :n or expires_at < :now)")
                .bind("n", node).bind("until", until).bind("j", job).bind("now", now).execute() == 1;
        });
    }

    /** Gives up every lease {@code node} holds (a graceful stop: another node may take over at once). */
    public void releaseAll(String node) {
        db.useTransaction(h -> h.createUpdate("update job_lease set expires_at = 0 where holder = :n").bind("n", node).execute());
    }

    /** Who holds {@code job} now, if anyone (for tests and the newsroom). */
    public String holder(String job, long now) {
        return db.read(h -> h.createQuery("select holder from job_lease where job = :j and expires_at >= :now").bind("j", job).bind("now", now)
            .mapTo(String.class).findOne().orElse(""));
    }
}
