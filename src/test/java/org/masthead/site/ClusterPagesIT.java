package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestCluster;

/** Two nodes on one PostgreSQL: an edit made through one node reaches the other node's cached pages and feeds. */
class ClusterPagesIT {
    @Test
    void an_edit_on_one_node_refreshes_the_other_nodes_cached_page_within_seconds() throws Exception {
        try (var cluster = new TestCluster(2)) {
            var a = cluster.node(0);
            var b = cluster.node(1);
            var editor = a.signedIn("cluster-editor@example.com", Role.EDITOR);
            var news = a.services().taxonomy().findSectionBySlug("news").orElseThrow().id();
            var form = Fixtures.articleForm(news, "Harbour vote tonight", Map.of("action", "publish", "slug", "harbour-vote"));
            var res = editor.postMultipart("/newsroom/articles", form, "photo", "", null);
            long id = Long.parseLong(res.header("Location").replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
            assertThat(b.browser().get("/news/harbour-vote").body()).contains("<h1>Harbour vote tonight</h1>"); // now cached on B
            assertThat(b.browser().get("/feeds/all.rss").body()).contains("Harbour vote tonight");

            var edit = Fixtures.articleForm(news, "Harbour vote postponed", Map.of("slug", "harbour-vote",
                "revision", String.valueOf(a.services().articles().find(id).orElseThrow().revision())));
            assertThat(editor.postMultipart("/newsroom/articles/" + id, edit, "photo", "", null).status()).isEqualTo(303);
            long deadline = System.nanoTime() + 5_000_000_000L;
            String page = "";
            while (System.nanoTime() < deadline) {
                page = b.browser().get("/news/harbour-vote").body();
                if (page.contains("Harbour vote postponed")) break;
                Thread.sleep(100);
            }
            assertThat(page).contains("<h1>Harbour vote postponed</h1>");
            assertThat(b.browser().get("/").body()).contains("Harbour vote postponed");
            assertThat(b.browser().get("/feeds/all.rss").body()).contains("Harbour vote postponed");
        }
    }
}
