package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.testing.PublishedSite;
import org.masthead.testing.TestCluster;
import org.masthead.testing.Visitors;

/** Two nodes on one PostgreSQL and one Redis: views on either node make one ranking on both. */
class ClusterPopularityIT {
    static List<String> headlines(String json) throws Exception {
        var out = new ArrayList<String>();
        for (var item : new ObjectMapper().readTree(json).get("items")) out.add(item.get("headline").asText());
        return out;
    }

    @Test
    void two_nodes_show_the_same_ranking_within_two_seconds() throws Exception {
        try (var cluster = new TestCluster(2)) {
            var a = cluster.node(0);
            var b = cluster.node(1);
            PublishedSite.publish(a, 3); // one view each, written to Redis by node A
            var ids = a.services().articles().listPublished(null, 10, 0);
            long first = ids.stream().filter(s -> s.headline().contains("number 0")).findFirst().orElseThrow().id();
            long second = ids.stream().filter(s -> s.headline().contains("number 1")).findFirst().orElseThrow().id();
            Thread.sleep(1500); // node B learns the new articles from its change follower (every 500 ms)
            for (int i = 0; i < 4; i++) a.browser().userAgent(Visitors.fresh()).beacon(second);
            for (int i = 0; i < 7; i++) b.browser().userAgent(Visitors.fresh()).beacon(first);
            for (int i = 0; i < 2; i++) b.browser().userAgent(Visitors.fresh()).beacon(second);
            long sent = System.nanoTime();
            List<String> onA = List.of();
            List<String> onB = List.of();
            while (System.nanoTime() - sent < Duration.ofSeconds(2).toNanos()) {
                onA = headlines(a.browser().get("/api/v1/popular?window=1h").body());
                onB = headlines(b.browser().get("/api/v1/popular?window=1h").body());
                if (onA.size() == 3 && onA.equals(onB) && onA.get(0).contains("number 0") && a.services().popularity().views(first) == 8
                    && b.services().popularity().views(second) == 7) break;
                Thread.sleep(50);
            }
            assertThat(onA).containsExactly("Story number 0 from the harbour", "Story number 1 from the harbour", "Story number 2 from the harbour");
            assertThat(onB).isEqualTo(onA);
            assertThat(a.services().popularity().views(first)).isEqualTo(8);
            assertThat(b.services().popularity().views(second)).isEqualTo(7);
            assertThat(a.browser().get("/_/health").body()).contains("\"store\":\"redis\"").contains("\"status\":\"ok\"");
        }
    }
}
