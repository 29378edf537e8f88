package org.masthead.page;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.masthead.db.Database;

/** The SQL for static pages and their revisions. */
final class PageStore {
    private static final String COLUMNS = "id, slug, title, body_html, language, revision, created_at, updated_at";
    private final Database db;

    PageStore(Database db) { this.db = db; }

    private static StaticPage page(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StaticPage(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("body_html"), rs.getString("language"),
            rs.getInt("revision"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    Optional<StaticPage> find(long id) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from static_page where id = :id and deleted_at is null").bind("id", id)
            .map((rs, ctx) -> page(rs)).findOne());
    }

    Optional<StaticPage> findBySlug(String slug) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from static_page where slug = :slug and deleted_at is null").bind("slug", slug)
            .map((rs, ctx) -> page(rs)).findOne());
    }

    /** Whether a page once at {@code slug} was deleted (its address answers 410, not 404). */
    boolean wasDeleted(String slug) {
        return db.read(h -> h.createQuery("select count(*) from static_page where slug = :slug and deleted_at is not null").bind("slug", slug)
            .mapTo(Integer.class).one() > 0);
    }

    List<StaticPage> list() {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from static_page where deleted_at is null order by title").map((rs, ctx) -> page(rs)).list());
    }

    boolean slugTaken(Handle h, String slug, long exceptId) {
        return h.createQuery("select count(*) from static_page where slug = :slug and deleted_at is null and id <> :id").bind("slug", slug)
            .bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    long insert(Handle h, String slug, String title, String body, String language, @Nullable Long userId, long now) {
        long id = h.createQuery("""
                insert into static_page (slug, title, body_html, language, revision, created_at, updated_at, created_by)
                values (:slug, :title, :body, :language, 1, :now, :now, :user) returning id""")
            .bind("slug", slug).bind("title", title).bind("body", body).bind("language", language).bind("now", now).bind("user", userId)
            .mapTo(Long.class).one();
        insertRevision(h, id, 1, slug, title, body, userId, now);
        return id;
    }

    /** Saves over {@code baseRevision}; false (nothing written) when someone saved in between. */
    boolean update(Handle h, long id, int baseRevision, String slug, String title, String body, String language, @Nullable Long userId, long now) {
        int n = h.createUpdate("""
                update static_page set slug = :slug, title = :title, body_html = :body, language = :language, revision = revision + 1, updated_at = :now
                 where id = :id and revision = :base and deleted_at is null""")
            .bind("slug", slug).bind("title", title).bind("body", body).bind("language", language).bind("now", now).bind("id", id).bind("base", baseRevision)
            .execute();
        if (n == 1) insertRevision(h, id, baseRevision + 1, slug, title, body, userId, now);
        return n == 1;
    }

    private static void insertRevision(Handle h, long id, int revision, String slug, String title, String body, @Nullable Long userId, long now) {
        h.createUpdate("""
                insert into static_page_revision (page_id, revision, saved_by, saved_at, title, slug, body_html)
                values (:id, :rev, :user, :now, :title, :slug, :body)""")
            .bind("id", id).bind("rev", revision).bind("user", userId).bind("now", now).bind("title", title).bind("slug", slug).bind("body", body).execute();
    }

    boolean delete(long id, long now) {
        return db.transaction(h -> h.createUpdate("update static_page set deleted_at = :now where id = :id and deleted_at is null")
            .bind("now", now).bind("id", id).execute() == 1);
    }

    int countRevisions(long id) {
        return db.read(h -> h.createQuery("select count(*) from static_page_revision where page_id = :id").bind("id", id).mapTo(Integer.class).one());
    }
}
