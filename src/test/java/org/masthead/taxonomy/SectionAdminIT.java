package org.masthead.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.account.Role;
import org.masthead.testing.Fixtures;
import org.masthead.testing.TestCluster;

/** Issue 10: admins add, rename, reorder and hide sections; old addresses redirect, and every node shows the change. */
class SectionAdminIT {
    static boolean eventually(java.util.function.BooleanSupplier check) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return false;
    }

    /** The site's section navigation on a page. */
    static String nav(String html) {
        int i = html.indexOf("<nav aria-label=\"Sections\"");
        return html.substring(i, html.indexOf("</nav>", i));
    }

    @Test
    void a_renamed_section_redirects_its_old_addresses_and_a_hidden_one_leaves_the_navigation_on_every_node_issue_10() throws Exception {
        try (var cluster = new TestCluster(2)) {
            var a = cluster.node(0);
            var b = cluster.node(1);
            var admin = a.signedIn("sections-admin@example.com", Role.ADMIN);
            var editor = a.signedIn("sections-editor@example.com", Role.EDITOR);
            admin.get("/newsroom/sections");
            assertThat(admin.post("/newsroom/sections", Map.of("name", "Climate", "slug", "")).status()).isEqualTo(303);
            var climate = a.services().taxonomy().findSectionBySlug("climate").orElseThrow();
            var form = new HashMap<>(Fixtures.articleForm(climate.id(), "Glacier retreats", Map.of("action", "publish", "slug", "glacier")));
            editor.get("/newsroom/articles/new");
            assertThat(editor.post("/newsroom/articles", form).status()).isEqualTo(303);
            assertThat(eventually(() -> nav(b.browser().get("/").body()).contains("href=\"/climate/\""))).as("a new section shows on the other node").isTrue();
            assertThat(b.browser().get("/climate/glacier").status()).isEqualTo(200); // cached on B

            admin.get("/newsroom/sections");
            var renamed = admin.post("/newsroom/sections/" + climate.id(), Map.of("name", "Climate & Environment", "slug", "environment",
                "position", "0", "hidden", ""));
            assertThat(renamed.status()).isEqualTo(303);
            assertThat(eventually(() -> b.browser().get("/climate/glacier").status() == 301)).as("the old story address redirects on B").isTrue();
            assertThat(b.browser().get("/climate/glacier").header("Location")).isEqualTo("/environment/glacier");
            assertThat(b.browser().get("/climate/").header("Location")).isEqualTo("/environment/");
            assertThat(b.browser().get("/environment/glacier").body()).contains("Climate &amp; Environment");
            var nav = nav(b.browser().get("/?from=nav").body());
            assertThat(nav.indexOf("href=\"/environment/\"")).as("moved to the front of the navigation").isLessThan(nav.indexOf("href=\"/news/\""));

            admin.get("/newsroom/sections");
            assertThat(admin.post("/newsroom/sections/" + climate.id(), Map.of("name", "Climate & Environment", "slug", "environment",
                "position", "0", "hidden", "1")).status()).isEqualTo(303);
            assertThat(eventually(() -> !nav(b.browser().get("/").body()).contains("href=\"/environment/\""))).as("hidden from the navigation on B").isTrue();
            assertThat(b.browser().get("/environment/glacier").status()).as("its stories stay").isEqualTo(200);

            admin.get("/newsroom/sections");
            var clash = admin.post("/newsroom/sections/" + climate.id(), Map.of("name", "Climate", "slug", "news", "position", "0", "hidden", ""));
            assertThat(clash.status()).isEqualTo(400);
            assertThat(clash.body()).contains("Another section is at /news/.");
            admin.get("/newsroom/sections");
            assertThat(admin.post("/newsroom/sections/" + climate.id(), Map.of("name", "", "slug", "environment", "position", "0")).status()).isEqualTo(400);
            assertThat(admin.post("/newsroom/sections", Map.of("name", "API", "slug", "api")).status()).isEqualTo(400);
            assertThat(editor.post("/newsroom/sections", Map.of("name", "Sneaky", "slug", "sneaky")).status()).isEqualTo(403);
            assertThat(a.services().taxonomy().findSection(climate.id()).orElseThrow().slug()).isEqualTo("environment");
        }
    }
}
