package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.db.Database;
import org.masthead.testing.Browser;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestApp;

/**
 * Issue 9's property: N editors save the same story at once over HTTP, each from the revision they
 * last saw, retrying after a conflict from the new revision. Every acknowledged save (a 303) is the
 * current state or in the history, exactly as sent; none is silently lost, none appears twice.
 */
abstract class ConcurrentSavesIT {
    static final int EDITORS = 6;
    static final int SAVES_EACH = 8;

    abstract Database.Engine engine();

    @Test
    void no_acknowledged_save_is_lost_when_editors_save_at_once_issue_9() throws Exception {
        try (var app = TestApp.start(engine())) {
            long news = app.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
            var editors = new ArrayList<Browser>();
            for (int i = 0; i < EDITORS; i++) editors.add(app.signedIn("race" + i + "@example.com", Role.EDITOR));
            var created = editors.get(0).post("/newsroom/articles", new HashMap<>(Fixtures.articleForm(news, "Race start", Map.of())));
            long id = Long.parseLong(created.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
            var acknowledged = new ConcurrentLinkedQueue<String>();
            var conflicts = new java.util.concurrent.atomic.AtomicInteger();
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(EDITORS);
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int e = 0; e < EDITORS; e++) {
                int who = e;
                done.add(pool.submit(() -> {
                    start.await();
                    var b = editors.get(who);
                    for (int n = 0; n < SAVES_EACH; n++) {
                        var headline = "Editor " + who + " save " + n;
                        while (true) {
                            int rev = app.services().articles().find(id).orElseThrow().revision(); // what this editor's form was opened at
                            b.get("/newsroom/articles/" + id);
                            var res = b.post("/newsroom/articles/" + id, new HashMap<>(Fixtures.articleForm(news, headline,
                                Map.of("revision", String.valueOf(rev), "slug", "race"))));
                            if (res.status() == 303) {
                                acknowledged.add(headline);
                                break;
                            }
                            assertThat(res.status()).as(res.body().length() > 300 ? res.body().substring(0, 300) : res.body()).isEqualTo(409);
                            assertThat(res.body()).contains(headline); // the refused text is shown back, not lost
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) f.get();
            pool.shutdown();
            var history = app.services().db().read(h -> h.createQuery("select snapshot from article_revision where article_id = :a order by revision")
                .bind("a", id).mapTo(String.class).list());
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<String> headlines = new ArrayList<>();
            for (var snap : history) headlines.add(json.readTree(snap).get("headline").asText());
            assertThat(acknowledged).hasSize(EDITORS * SAVES_EACH);
            for (var h : acknowledged) assertThat(headlines).as("acknowledged save '" + h + "' is in the history").containsOnlyOnce(h);
            var current = app.services().articles().find(id).orElseThrow();
            assertThat(headlines.getLast()).isEqualTo(current.headline());
            assertThat(current.revision()).isEqualTo(1 + EDITORS * SAVES_EACH);
            System.out.printf("concurrent saves (%s): %d acknowledged, %d conflicts retried, %d revisions%n", engine(), acknowledged.size(),
                conflicts.get(), current.revision());
        }
    }
}
