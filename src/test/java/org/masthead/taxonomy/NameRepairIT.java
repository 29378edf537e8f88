package org.masthead.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.masthead.db.Database;
import org.masthead.testing.TestApp;

/** Issue 8: migration 8 repairs bylines, tags and slugs that ASCII-only slugs merged, and lists what it could not decide. */
abstract class NameRepairIT {
    abstract Database.Engine engine();

    @Test
    void merged_arabic_reporters_are_split_again_and_their_stories_relinked_issue_8() throws Exception {
        var dir = Files.createTempDirectory("name-repair-");
        String url;
        String jdbc;
        String pgDb = null;
        if (engine() == Database.Engine.SQLITE) {
            url = "";
            jdbc = "jdbc:sqlite:" + dir.resolve("masthead.db");
        } else {
            pgDb = "masthead_repair_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var c = DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
                st.execute("create database " + pgDb);
            }
            url = jdbc = "jdbc:postgresql://127.0.0.1:5432/" + pgDb;
        }
        try {
            // The schema as it was before the repair (migrations 1 to 7), with what the old slugs did to it.
            Flyway.configure().dataSource(jdbc, "postgres", "").locations("classpath:db/migration/" + engine().name().toLowerCase())
                .target("7").load().migrate();
            try (var c = DriverManager.getConnection(jdbc, "postgres", ""); var st = c.createStatement()) {
                st.execute("insert into app_user (email, display_name, password_hash, role, created_at) values ('e@example.com', 'Ed', 'x', 'editor', 0)");
                st.execute("insert into section (slug, name, position) values ('news', 'News', 0)");
                st.execute("insert into author (slug, display_name) values ('item', 'أحمد منصور')"); // the second reporter was merged into the first
                st.execute("insert into author (slug, display_name) values ('clara-wren', 'Clara Wren')");
                st.execute("insert into tag (slug, name) values ('item', 'الميزانية')");
                st.execute("insert into article (section_id, slug, status, headline, created_at, updated_at, published_at, created_by)"
                    + " values (1, 'item', 'published', 'مجلس المدينة يقر الخطة', 1, 1, 1, 1)");
                st.execute("insert into article (section_id, slug, status, headline, created_at, updated_at, published_at, created_by)"
                    + " values (1, '2027', 'published', 'ميزانية 2027', 1, 1, 1, 1)");
                st.execute("insert into article (section_id, slug, status, headline, created_at, updated_at, created_by)"
                    + " values (1, 'city-vote', 'draft', 'City vote', 1, 1, 1)");
                st.execute("insert into article_author (article_id, author_id, position) values (1, 1, 0), (2, 1, 0), (3, 2, 0)");
                st.execute("insert into article_tag (article_id, tag_id) values (1, 1), (2, 1)");
                st.execute("insert into article_revision (article_id, revision, saved_by, saved_at, snapshot) values "
                    + "(1, 1, 1, 1, '{\"bylines\":[\"أحمد منصور\"],\"tags\":[\"الميزانية\"]}'), "
                    + "(2, 1, 1, 1, '{\"bylines\":[\"سارة الخطيب\"],\"tags\":[\"الاقتصاد\"]}'), "
                    + "(3, 1, 1, 1, '{\"bylines\":[\"Clara Wren\"],\"tags\":[]}')");
            }
            try (var db = Database.open(dir, url, engine() == Database.Engine.POSTGRESQL ? "postgres" : "", "", 2, List.of(new NameRepair(Clock.systemUTC())))) {
                var bylines = db.read(h -> h.createQuery("select aa.article_id, au.display_name, au.slug from article_author aa join author au on au.id = aa.author_id"
                    + " order by aa.article_id").map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " /author/" + rs.getString(3) + "/").list());
                assertThat(bylines).containsExactly("1 أحمد منصور /author/أحمد-منصور/", "2 سارة الخطيب /author/سارة-الخطيب/",
                    "3 Clara Wren /author/clara-wren/");
                var tags = db.read(h -> h.createQuery("select at.article_id, t.name, t.slug from article_tag at join tag t on t.id = at.tag_id order by at.article_id")
                    .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3)).list());
                assertThat(tags).containsExactly("1 الميزانية الميزانية", "2 الاقتصاد الاقتصاد");
                var slugs = db.read(h -> h.createQuery("select slug from article order by id").mapTo(String.class).list());
                assertThat(slugs).containsExactly("مجلس-المدينة-يقر-الخطة", "ميزانية-2027", "city-vote");
                var redirects = db.read(h -> h.createQuery("select old_path from redirect order by article_id").mapTo(String.class).list());
                assertThat(redirects).containsExactly("/news/item", "/news/2027");
                var notes = db.read(h -> h.createQuery("select note from name_repair").mapTo(String.class).list());
                assertThat(notes).anyMatch(n -> n.contains("bylines relinked")).anyMatch(n -> n.contains("address moved"));
                // Run again: nothing more to do (idempotent), and names are found by their key from now on.
                var keys = db.read(h -> h.createQuery("select count(*) from author where name_key is null").mapTo(Integer.class).one());
                assertThat(keys).isZero();
                assertThat(new TaxonomyStore(db).listRepairs()).extracting(TaxonomyStore.Repair::note).anyMatch(n -> n.contains("سارة الخطيب"));
            }
        } finally {
            if (pgDb != null) {
                try (var c = DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
                    st.execute("drop database if exists " + pgDb + " with (force)");
                }
            }
        }
    }
}
