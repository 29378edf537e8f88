package db.migration.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * SQLite's migration 13 (PostgreSQL's is db/migration/postgresql/V013__workflow.sql): workflow states
 * (ready, killed) and times (scheduled publish, embargo). SQLite cannot change a CHECK constraint in
 * place, so the article table is rebuilt the way SQLite documents: foreign keys off, copy, swap,
 * foreign keys checked before commit. Flyway finds this class in the sqlite location; it must run
 * outside Flyway's transaction because foreign keys cannot be switched off inside one.
 */
@SuppressWarnings("checkstyle:TypeName")
public class V013__workflow extends BaseJavaMigration {
    private static final List<String> STATEMENTS = List.of("""
        CREATE TABLE article_new (
          id            integer primary key autoincrement,
          section_id    integer not null references section(id),
          slug          text    not null,
          status        text    not null check (status in ('draft', 'in_review', 'ready', 'scheduled', 'published', 'unpublished', 'killed')),
          headline      text    not null,
          dek           text    not null default '',
          body_html     text    not null default '',
          lead_media_id integer references media(id),
          dateline      text    not null default '',
          published_at  integer,
          created_at    integer not null,
          updated_at    integer not null,
          revision      integer not null default 1,
          created_by    integer references app_user(id),
          lead_caption  text    not null default '',
          lead_credit   text    not null default '',
          lead_alt_text text    not null default '',
          publish_at    integer,
          embargo_until integer,
          review_note   text    not null default '',
          kill_reason   text    not null default '',
          published_late_ms integer,
          unique (section_id, slug)
        )""", """
        INSERT INTO article_new (id, section_id, slug, status, headline, dek, body_html, lead_media_id, dateline, published_at,
                                 created_at, updated_at, revision, created_by, lead_caption, lead_credit, lead_alt_text)
        SELECT id, section_id, slug, status, headline, dek, body_html, lead_media_id, dateline, published_at,
               created_at, updated_at, revision, created_by, lead_caption, lead_credit, lead_alt_text FROM article""",
        "DROP TABLE article",
        "ALTER TABLE article_new RENAME TO article",
        "CREATE INDEX article_status_published ON article(status, published_at)",
        "CREATE INDEX article_section_published ON article(section_id, status, published_at)",
        "CREATE INDEX article_updated ON article(updated_at)",
        "CREATE INDEX article_due ON article(status, publish_at)");

    @Override
    public boolean canExecuteInTransaction() { return false; }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        try (var st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            c.setAutoCommit(false);
            try {
                for (var sql : STATEMENTS) st.execute(sql);
                try (var rs = st.executeQuery("PRAGMA foreign_key_check")) {
                    if (rs.next()) throw new SQLException("foreign key check failed after rebuilding article: " + rs.getString(1));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
                st.execute("PRAGMA foreign_keys = ON");
            }
        }
    }
}
