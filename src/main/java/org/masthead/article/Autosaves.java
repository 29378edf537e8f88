package org.masthead.article;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.masthead.db.Database;

/**
 * Per-user server-side autosaves of the editor form, every few seconds while someone types. They
 * never touch the shared story: reopening the editor after a crash or a closed tab offers to
 * recover one; a successful save clears it. Article 0 is a new story not yet saved.
 */
public final class Autosaves {
    static final int MAX_CHARS = 2_000_000;
    private final Database db;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Autosaves(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An autosave: the form's fields as typed, and when. */
    public record Autosave(Map<String, String> fields, long savedAt) {}

    /** Keeps {@code fields} as {@code userId}'s autosave of {@code articleId}; false when it is too large to keep. */
    public boolean keep(long userId, long articleId, Map<String, String> fields) {
        String text;
        try {
            text = json.writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (text.length() > MAX_CHARS) return false;
        long now = clock.millis();
        db.useTransaction(h -> {
            int n = h.createUpdate("update autosave set form = :f, saved_at = :now where user_id = :u and article_id = :a")
                .bind("f", text).bind("now", now).bind("u", userId).bind("a", articleId).execute();
            if (n == 0) {
                h.createUpdate("insert into autosave (user_id, article_id, form, saved_at) values (:u, :a, :f, :now) on conflict do nothing")
                    .bind("f", text).bind("now", now).bind("u", userId).bind("a", articleId).execute();
            }
        });
        return true;
    }

    public Optional<Autosave> find(long userId, long articleId) {
        return db.read(h -> h.createQuery("select form, saved_at from autosave where user_id = :u and article_id = :a").bind("u", userId).bind("a", articleId)
            .map((rs, ctx) -> new Autosave(read(rs.getString("form")), rs.getLong("saved_at"))).findOne());
    }

    public void clear(long userId, long articleId) {
        db.useTransaction(h -> h.createUpdate("delete from autosave where user_id = :u and article_id = :a").bind("u", userId).bind("a", articleId).execute());
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }
}
