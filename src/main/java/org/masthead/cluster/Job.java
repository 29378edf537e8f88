package org.masthead.cluster;

import java.time.Duration;

/**
 * A named piece of background work that {@link Jobs} runs every {@code every}: one idempotent step
 * that converges on stored intent (a flag, a due time, a queue), so running it twice, or on another
 * node after a crash, does no harm. {@link Scope#ONE_NODE} jobs run on whichever node holds the
 * job's database lease; {@link Scope#EVERY_NODE} jobs work on what each node holds itself.
 */
public record Job(String name, Duration every, Scope scope, Step step) {
    public enum Scope { ONE_NODE, EVERY_NODE }

    /** One run; an exception is logged and counted, and the job runs again at its next tick. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    public Job {
        if (!name.matches("[a-z][a-z0-9-]{0,40}")) throw new IllegalArgumentException("job names are lower-case words with hyphens: " + name);
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("job " + name + " needs a positive interval");
    }

    public static Job oneNode(String name, Duration every, Step step) { return new Job(name, every, Scope.ONE_NODE, step); }

    public static Job everyNode(String name, Duration every, Step step) { return new Job(name, every, Scope.EVERY_NODE, step); }
}
