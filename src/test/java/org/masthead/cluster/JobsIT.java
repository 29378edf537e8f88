package org.masthead.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** Issue 8: one jobs runner; a one-node job runs on one node at a time, by a database lease; stopping is graceful. */
abstract class JobsIT {
    abstract Database.Engine engine();

    @Test
    void a_one_node_job_runs_on_the_lease_holder_only_and_moves_when_it_stops_issue_8() throws Exception {
        try (var app = TestApp.start(engine())) {
            var leases = new JobLeases(app.services().db());
            var runsA = new AtomicInteger();
            var runsB = new AtomicInteger();
            var everyA = new AtomicInteger();
            var everyB = new AtomicInteger();
            var a = new Jobs(leases, Clock.systemUTC(), new SimpleMeterRegistry(), "node-a")
                .add(Job.oneNode("test-once", Duration.ofMillis(50), runsA::incrementAndGet))
                .add(Job.everyNode("test-each", Duration.ofMillis(50), everyA::incrementAndGet));
            var b = new Jobs(leases, Clock.systemUTC(), new SimpleMeterRegistry(), "node-b")
                .add(Job.oneNode("test-once", Duration.ofMillis(50), runsB::incrementAndGet))
                .add(Job.everyNode("test-each", Duration.ofMillis(50), everyB::incrementAndGet));
            a.start();
            Thread.sleep(300);
            b.start();
            Thread.sleep(600);
            assertThat(runsA.get()).isGreaterThan(3);
            assertThat(runsB.get()).isZero();                              // node a holds the lease
            assertThat(everyA.get()).isGreaterThan(3);
            assertThat(everyB.get()).isGreaterThan(3);                     // every-node jobs run everywhere
            assertThat(leases.holder("test-once", System.currentTimeMillis())).isEqualTo("node-a");
            a.close();                                                      // graceful stop gives the lease up
            int stoppedAt = runsA.get();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (runsB.get() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(runsB.get()).isPositive();
            Thread.sleep(200);
            assertThat(runsA.get()).isEqualTo(stoppedAt);
            b.close();
        }
    }

    @Test
    void a_failing_job_is_counted_and_runs_again_and_never_overlaps_itself_issue_8() throws Exception {
        try (var app = TestApp.start(engine())) {
            var metrics = new SimpleMeterRegistry();
            var runs = new AtomicInteger();
            var concurrent = new AtomicInteger();
            var maxConcurrent = new AtomicInteger();
            var jobs = new Jobs(new JobLeases(app.services().db()), Clock.systemUTC(), metrics, "node-x")
                .add(Job.everyNode("test-fails", Duration.ofMillis(20), () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("boom");
                }))
                .add(Job.everyNode("test-slow", Duration.ofMillis(10), () -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    Thread.sleep(100);
                    concurrent.decrementAndGet();
                }));
            jobs.start();
            Thread.sleep(500);
            jobs.close();
            assertThat(runs.get()).isGreaterThan(3);
            assertThat(metrics.get("masthead_job_failures").tag("job", "test-fails").counter().count()).isEqualTo(runs.get());
            assertThat(metrics.get("masthead_job").tag("job", "test-slow").timer().count()).isPositive();
            assertThat(maxConcurrent.get()).isEqualTo(1);
        }
    }

    @Test
    void the_app_runs_its_background_work_on_the_one_runner_issue_8() {
        try (var app = TestApp.start(engine())) {
            assertThat(app.jobs().names()).containsExactly("popularity", "change-follower", "change-log-compaction", "renditions", "webhooks", "front-pins", "site-version", "scheduled-publishing", "imports", "wire-feeds", "wire-folder", "search-follow", "search-commit");
            assertThat(app.jobs().runNow("webhooks")).isTrue();
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("popularity", "renditions", "webhooks", "change-follower", "cdn-purge");
        }
    }

    @Test
    void a_start_that_fails_stops_everything_it_started_issue_8() throws Exception {
        try (var first = TestApp.start(engine()); var blocker = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            int before = Thread.activeCount();
            var jobsBefore = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jobs")).count();
            assertThatThrownBy(() -> TestApp.start(engine(), java.util.Map.of("http.port", String.valueOf(blocker.getLocalPort()))))
                .hasMessageContaining("Port already in use");
            Thread.sleep(300);
            var jobsAfter = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jobs")).count();
            assertThat(jobsAfter).isEqualTo(jobsBefore);
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 2);
            assertThat(first.browser().get("/").status()).isEqualTo(200); // the running one is untouched
        }
    }
}
