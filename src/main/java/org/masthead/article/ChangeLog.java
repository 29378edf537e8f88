package org.masthead.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Database;

/**
 * The SQL for the article change log: each {@link ArticleChanged} is written in the transaction that
 * made the change, with the node that made it, so other nodes receive the same event (and nothing
 * is announced that did not commit). Rows older than an hour are compacted away.
 */
public final class ChangeLog {
    private final Database db;
    private final ObjectMapper json = new ObjectMapper();

    public ChangeLog(Database db) { this.db = db; }

    /** One logged event. */
    public record Entry(long id, String node, long createdAt, ArticleChanged change) {}

    void append(Handle h, String node, ArticleChanged change, long now) {
        String payload;
        try {
            payload = json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.createUpdate("insert into article_event (node, article_id, payload, created_at) values (:n, :a, :p, :now)")
            .bind("n", node).bind("a", change.articleId()).bind("p", payload).bind("now", now).execute();
    }

    /** The newest event's id (a node starts following after it). */
    public long lastId() {
        return db.read(h -> h.createQuery("select coalesce(max(id), 0) from article_event").mapTo(Long.class).one());
    }

    /** The oldest event's id still kept (compaction drops older ones); {@link Long#MAX_VALUE} when the log is empty. */
    public long firstId() {
        return db.read(h -> h.createQuery("select min(id) from article_event").mapTo(Long.class).findOne().orElse(Long.MAX_VALUE));
    }

    /** Events after {@code afterId}, oldest first. */

    public List<Entry> listAfter(long afterId, int limit) { return listAfter(afterId, Long.MAX_VALUE, limit); }

    /**
     * Events after {@code afterId} or written at or after {@code since}, oldest first: ids are taken
     * when a transaction inserts, not when it commits, so an id below the last one seen can still
     * appear a moment later; the caller re-reads a short window and skips what it delivered.
     */
    public List<Entry> listAfter(long afterId, long since, int limit) {
        return db.read(h -> h.createQuery("""
                select id, node, created_at, payload from article_event where id > :after or created_at >= :since order by id limit :n
                """).bind("after", afterId).bind("since", since).bind("n", limit)
            .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getString("node"), rs.getLong("created_at"), read(rs.getString("payload")))).list());
    }

    /** Deletes events older than {@code before} (epoch ms); returns how many. */
    public int compact(long before) {
        return db.transaction(h -> h.createUpdate("delete from article_event where created_at < :t").bind("t", before).execute());
    }

    private ArticleChanged read(String payload) {
        try {
            return json.readValue(payload, ArticleChanged.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable article event: " + e.getMessage(), e);
        }
    }
}
