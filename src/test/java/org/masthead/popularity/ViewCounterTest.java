package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ViewCounterTest {
    @Test
    void drains_counts_per_article_and_minute() {
        var c = new ViewCounter(100);
        c.add(1, 10);
        c.add(1, 10);
        c.add(2, 10);
        c.add(1, 11);
        assertThat(c.drain(11)).containsExactlyInAnyOrderEntriesOf(Map.of(
            new ViewCounter.Key(1, 10), 2L, new ViewCounter.Key(2, 10), 1L, new ViewCounter.Key(1, 11), 1L));
        assertThat(c.drain(11)).isEmpty();
    }

    @Test
    void no_increment_is_lost_while_draining_concurrently() throws Exception {
        var c = new ViewCounter(1000);
        var pool = Executors.newFixedThreadPool(4);
        int perThread = 50_000;
        for (int t = 0; t < 4; t++) pool.submit(() -> { for (int i = 0; i < perThread; i++) c.add(7, 5); });
        long total = 0;
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) total += c.drain(5).values().stream().mapToLong(Long::longValue).sum();
        total += c.drain(5).values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(4L * perThread);
    }

    @Test
    void refuses_new_keys_when_full_and_restores_after_failed_flush() {
        var c = new ViewCounter(2);
        assertThat(c.add(1, 1)).isTrue();
        assertThat(c.add(2, 1)).isTrue();
        assertThat(c.add(3, 1)).isFalse();
        assertThat(c.add(1, 1)).isTrue();
        var drained = c.drain(1);
        c.restore(drained);
        assertThat(c.drain(1)).isEqualTo(drained);
    }
}
