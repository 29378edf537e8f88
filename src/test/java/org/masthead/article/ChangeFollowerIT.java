package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** Issue 8: other nodes' article events reach this node once each, even when a lower id commits after a higher one. */
abstract class ChangeFollowerIT {
    abstract Database.Engine engine();

    static ArticleChanged event(long id) {
        var seen = new ArticleChanged.Visible(id, 1, "news", "story-" + id, "Story " + id, 1L, 1L, null, List.of("tag"), List.of("author"));
        return new ArticleChanged(id, seen, seen);
    }

    void insert(TestApp app, long id, String node, ArticleChanged change) throws Exception {
        var payload = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(change);
        app.services().db().useTransaction(h -> h.createUpdate("insert into article_event (id, node, article_id, payload, created_at) values (:id, :n, :a, :p, :t)")
            .bind("id", id).bind("n", node).bind("a", change.articleId()).bind("p", payload).bind("t", System.currentTimeMillis()).execute());
    }

    @Test
    void events_of_other_nodes_are_delivered_once_and_a_late_lower_id_is_not_lost_issue_8() throws Exception {
        try (var app = TestApp.start(engine())) {
            app.jobs().pause("change-follower");
            var got = new ArrayList<Long>();
            var follower = new ChangeFollower(app.services().changes(), "node-here", Clock.systemUTC());
            follower.onChange(c -> got.add(c.articleId()));
            follower.start();
            insert(app, 1000, "node-other", event(1));
            insert(app, 1001, "node-here", event(2));                 // our own: delivered when it happened, not again
            assertThat(follower.poll()).isEqualTo(1);
            insert(app, 990, "node-other", event(3));                 // took its id earlier, committed later
            insert(app, 1002, "node-other", event(4));
            assertThat(follower.poll()).isEqualTo(2);
            assertThat(follower.poll()).isZero();                     // nothing twice
            assertThat(got).containsExactly(1L, 3L, 4L);
            var round = app.services().changes().listAfter(999, 10).get(0).change();
            assertThat(round).isEqualTo(event(1));                    // what is logged is what is delivered
        }
    }
}
