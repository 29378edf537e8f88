package org.masthead.wire;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Database;

/** SQL of the wire queue. */
public final class WireStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, guid, version, source, also_from, format, headline, byline, summary, body_html, dateline, urgency, "
        + "embargo_until, pub_status, language, photos, warnings, state, story_id, used_version, flag, received_at, updated_at";
    private final Database db;

    public WireStore(Database db) { this.db = db; }

    private static WireItem map(ResultSet rs) throws SQLException {
        try {
            return new WireItem(rs.getLong("id"), rs.getString("guid"), rs.getLong("version"), rs.getString("source"), rs.getString("also_from"),
                rs.getString("format"), rs.getString("headline"), rs.getString("byline"), rs.getString("summary"), rs.getString("body_html"),
                rs.getString("dateline"), rs.getObject("urgency") == null ? null : rs.getInt("urgency"),
                rs.getObject("embargo_until") == null ? null : rs.getLong("embargo_until"), rs.getString("pub_status"), rs.getString("language"),
                JSON.readValue(rs.getString("photos"), new TypeReference<List<Incoming.Photo>>() { }),
                JSON.readValue(rs.getString("warnings"), new TypeReference<List<String>>() { }), rs.getString("state"),
                rs.getObject("story_id") == null ? null : rs.getLong("story_id"), rs.getObject("used_version") == null ? null : rs.getLong("used_version"),
                rs.getString("flag"), rs.getLong("received_at"), rs.getLong("updated_at"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable wire item " + rs.getLong("id"), e);
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<WireItem> find(long id) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from wire_item where id = :id").bind("id", id).map((rs, c) -> map(rs)).findOne());
    }

    Optional<WireItem> findByGuid(Handle h, String guid) {
        return h.createQuery("select " + COLUMNS + " from wire_item where guid = :g").bind("g", guid).map((rs, c) -> map(rs)).findOne();
    }

    Optional<WireItem> findByContent(Handle h, String key, String otherThanGuid) {
        return h.createQuery("select " + COLUMNS + " from wire_item where content_key = :k and guid <> :g order by id limit 1")
            .bind("k", key).bind("g", otherThanGuid).map((rs, c) -> map(rs)).findOne();
    }

    /** The queue: items not dismissed, newest first (used ones too, so their alarms are seen). */
    public List<WireItem> queue(int limit) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from wire_item where state <> 'dismissed' order by updated_at desc, id desc limit :n")
            .bind("n", limit).map((rs, c) -> map(rs)).list());
    }

    /** The alarms raised on a story by the items it was made from. */
    public List<String> flagsFor(long storyId) {
        return db.read(h -> h.createQuery("select flag from wire_item where story_id = :s and flag <> '' order by id").bind("s", storyId).mapTo(String.class).list());
    }

    long insert(Handle h, Incoming i, String source, String body, String key, long now) {
        return h.createUpdate("insert into wire_item (guid, version, source, format, headline, byline, summary, body_html, dateline, urgency, embargo_until, "
                + "pub_status, language, photos, warnings, content_key, state, received_at, updated_at) values (:guid, :version, :source, :format, :headline, "
                + ":byline, :summary, :body, :dateline, :urgency, :embargo, :status, :language, :photos, :warnings, :key, 'new', :now, :now)")
            .bind("guid", i.guid()).bind("version", i.version()).bind("source", source).bind("format", i.format()).bind("headline", i.headline())
            .bind("byline", i.byline()).bind("summary", i.summary()).bind("body", body).bind("dateline", i.dateline()).bind("urgency", i.urgency())
            .bind("embargo", i.embargoUntil()).bind("status", i.pubStatus()).bind("language", i.language()).bind("photos", json(i.photos()))
            .bind("warnings", json(i.warnings())).bind("key", key).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void update(Handle h, long id, Incoming i, String body, String key, String flag, long now) {
        h.createUpdate("update wire_item set version = :version, format = :format, headline = :headline, byline = :byline, summary = :summary, "
                + "body_html = :body, dateline = :dateline, urgency = :urgency, embargo_until = :embargo, pub_status = :status, language = :language, "
                + "photos = :photos, warnings = :warnings, content_key = :key, flag = :flag, updated_at = :now where id = :id")
            .bind("version", i.version()).bind("format", i.format()).bind("headline", i.headline()).bind("byline", i.byline()).bind("summary", i.summary())
            .bind("body", body).bind("dateline", i.dateline()).bind("urgency", i.urgency()).bind("embargo", i.embargoUntil()).bind("status", i.pubStatus())
            .bind("language", i.language()).bind("photos", json(i.photos())).bind("warnings", json(i.warnings())).bind("key", key).bind("flag", flag)
            .bind("now", now).bind("id", id).execute();
    }

    void alsoFrom(Handle h, long id, String sources, long now) {
        h.createUpdate("update wire_item set also_from = :a, updated_at = :now where id = :id").bind("a", sources).bind("now", now).bind("id", id).execute();
    }

    boolean markUsed(long id, long storyId, long version, long now) {
        return db.transaction(h -> h.createUpdate("update wire_item set state = 'used', story_id = :s, used_version = :v, updated_at = :now where id = :id and state = 'new'")
            .bind("s", storyId).bind("v", version).bind("now", now).bind("id", id).execute() == 1);
    }

    boolean dismiss(long id, long now) {
        return db.transaction(h -> h.createUpdate("update wire_item set state = 'dismissed', updated_at = :now where id = :id and state = 'new'")
            .bind("now", now).bind("id", id).execute() == 1);
    }

    /** Notes about what "use" could not bring, kept with the item's reading warnings. */
    void addWarnings(long id, List<String> notes) {
        db.useTransaction(h -> findById(h, id).ifPresent(item -> {
            var all = new java.util.ArrayList<>(item.warnings());
            all.addAll(notes);
            h.createUpdate("update wire_item set warnings = :w where id = :id").bind("w", json(all)).bind("id", id).execute();
        }));
    }

    private Optional<WireItem> findById(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from wire_item where id = :id").bind("id", id).map((rs, c) -> map(rs)).findOne();
    }
}
