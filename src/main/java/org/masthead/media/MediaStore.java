package org.masthead.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.masthead.db.Database;

/** The SQL for photos. */
public final class MediaStore {
    private final Database db;

    public MediaStore(Database db) { this.db = db; }

    static Photo photo(ResultSet rs) throws SQLException {
        return new Photo(rs.getLong("id"), rs.getString("sha256"), rs.getString("mime"), rs.getInt("width"), rs.getInt("height"),
            rs.getString("caption"), rs.getString("credit"), rs.getString("creator"), rs.getString("copyright"),
            rs.getString("alt_text"), rs.getString("title"), rs.getDouble("focal_x"), rs.getDouble("focal_y"));
    }

    private static final String COLUMNS = "id, sha256, mime, width, height, caption, credit, creator, copyright, alt_text, title, focal_x, focal_y";

    public Optional<Photo> find(long id) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from media where id = :id").bind("id", id)
            .map((rs, ctx) -> photo(rs)).findOne());
    }

    public Optional<Photo> findBySha(String sha) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from media where sha256 = :sha").bind("sha", sha)
            .map((rs, ctx) -> photo(rs)).findOne());
    }

    long insert(String sha, String path, PhotoFormat format, int width, int height, long size, PhotoText text, String sourceMetadata,
                Long userId, long now) {
        return db.transaction(h -> {
            long id = h.createQuery("""
                insert into media (sha256, path, mime, width, height, byte_size, caption, credit, creator, copyright,
                                   alt_text, title, source_metadata, created_at, created_by)
                values (:sha, :path, :mime, :w, :h, :size, :caption, :credit, :creator, :copyright, :alt, :title, :meta, :now, :user)
                returning id
                """).bind("sha", sha).bind("path", path).bind("mime", format.mime()).bind("w", width).bind("h", height)
            .bind("size", size).bind("caption", text.caption()).bind("credit", text.credit()).bind("creator", text.creator())
            .bind("copyright", text.copyright()).bind("alt", text.altText()).bind("title", text.title())
            .bind("meta", sourceMetadata).bind("now", now).bind("user", userId).mapTo(Long.class).one();
            changeLog.photoChanged(h, id);
            return id;
        });
    }

    /** Writes, in the transaction that changes a photo's words, the event every node's search index follows. */
    @FunctionalInterface
    public interface ChangeLogger {
        void photoChanged(org.jdbi.v3.core.Handle h, long photoId);
    }

    private volatile ChangeLogger changeLog = (h, id) -> { };

    /**
     * New photos and saved library text log their event with {@code logger} before they commit: a caption the editor was
     * told is saved is never missing from another node's search because the process died between the two.
     */
    public void logChangesWith(ChangeLogger logger) { this.changeLog = logger; }

    /** Library filters. */
    public enum Filter { ALL, MISSING_ALT, MISSING_CREDIT }

    /** The search engine's answer to a library query: photo ids, newest first; null when it cannot answer now (SQL does). */
    @FunctionalInterface
    public interface Index {
        @org.jspecify.annotations.Nullable List<Long> ids(String query, @org.jspecify.annotations.Nullable String missing, int limit, int offset);
    }

    private volatile @org.jspecify.annotations.Nullable Index index;

    /** Searches go to {@code index} (Lucene, set by the app) while it can answer, else to SQL. */
    public void searchWith(Index index) { this.index = index; }

    /** Photos newest first, matching {@code query} in caption, credit, creator, copyright, alt text, title or the file's metadata. */
    public List<Photo> search(String query, Filter filter, int limit, int offset) {
        var engine = index;
        if (!query.isBlank() && engine != null) {
            var ids = engine.ids(query, filter == Filter.MISSING_ALT ? "alt" : filter == Filter.MISSING_CREDIT ? "credit" : null, limit, offset);
            if (ids != null) return findAll(ids);
        }
        return searchSql(query, filter, limit, offset);
    }

    /** These photos, in this order (one that is gone is left out). */
    public List<Photo> findAll(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        var found = db.read(h -> h.createQuery("select " + COLUMNS + " from media where id in (<ids>)").bindList("ids", ids)
            .map((rs, ctx) -> photo(rs)).list());
        var byId = new java.util.HashMap<Long, Photo>();
        for (var p : found) byId.put(p.id(), p);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public long count() { return db.read(h -> h.createQuery("select count(*) from media").mapTo(Long.class).one()); }

    /** Photo ids after {@code afterId}, in order (a rebuild of the search index reads the library so). */
    public List<Long> listIds(long afterId, int limit) {
        return db.read(h -> h.createQuery("select id from media where id > :after order by id limit :n").bind("after", afterId).bind("n", limit)
            .mapTo(Long.class).list());
    }

    /** The same search in SQL (substrings, case-insensitive): while the search index builds, or without one. */
    List<Photo> searchSql(String query, Filter filter, int limit, int offset) {
        return db.read(h -> {
            var where = new java.util.ArrayList<String>();
            where.add("1 = 1");
            if (!query.isBlank()) {
                var like = " like :q escape '!'"; // not a backslash: JDBI's parser treats it as an escape
                where.add("(lower(caption)" + like + " or lower(credit)" + like + " or lower(creator)" + like + " or lower(title)" + like
                    + " or lower(source_metadata)" + like + ")");
            }
            if (filter == Filter.MISSING_ALT) where.add("alt_text = ''");
            if (filter == Filter.MISSING_CREDIT) where.add("credit = ''");
            var q = h.createQuery("select " + COLUMNS + " from media where " + String.join(" and ", where)
                + " order by id desc limit :limit offset :offset");
            if (!query.isBlank()) q.bind("q", "%" + query.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            return q.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> photo(rs)).list();
        });
    }

    /** The metadata read from the file at upload, as stored (JSON). */
    public String sourceMetadata(long id) {
        return db.read(h -> h.createQuery("select source_metadata from media where id = :id").bind("id", id).mapTo(String.class).findOne().orElse("{}"));
    }

    public Optional<Source> findSource(long id) {
        return db.read(h -> h.createQuery("select " + COLUMNS + ", path from media where id = :id").bind("id", id)
            .map((rs, ctx) -> source(rs)).findOne());
    }

    /** Articles that show this photo, as lead or in the body: id and headline. */
    public List<java.util.Map.Entry<Long, String>> listArticlesUsing(Photo photo) {
        return db.read(h -> h.createQuery("select id, headline from article where lead_media_id = :id or body_html like :sha order by updated_at desc limit 50")
            .bind("id", photo.id()).bind("sha", "%" + photo.sha256() + "%")
            .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), rs.getString("headline"))).list());
    }

    /** A photo with what renditions need: where its original is and its focal point. */
    public record Source(Photo photo, String path, double focalX, double focalY) {}

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(photo(rs), rs.getString("path"), rs.getDouble("focal_x"), rs.getDouble("focal_y"));
    }

    public Optional<Source> findSource(String sha) {
        return db.read(h -> h.createQuery("select " + COLUMNS + ", path from media where sha256 = :sha").bind("sha", sha)
            .map((rs, ctx) -> source(rs)).findOne());
    }

    /** Photos whose renditions may be incomplete, oldest first. */
    List<Source> listNeedingRenditions(int limit) {
        return db.read(h -> h.createQuery("select " + COLUMNS + ", path from media where renditions_ready = false order by id limit :n")
            .bind("n", limit).map((rs, ctx) -> source(rs)).list());
    }

    boolean renditionsReady(long id) {
        return db.read(h -> h.createQuery("select renditions_ready from media where id = :id").bind("id", id).mapTo(Boolean.class).findOne().orElse(false));
    }

    int countNeedingRenditions() {
        return db.read(h -> h.createQuery("select count(*) from media where renditions_ready = false").mapTo(Integer.class).one());
    }

    /** Marks a photo's renditions made, unless its focal point moved while they were being made. */
    void markRenditionsMade(Source made) {
        db.useTransaction(h -> h.createUpdate("update media set renditions_ready = true where id = :id and focal_x = :x and focal_y = :y")
            .bind("id", made.photo().id()).bind("x", made.focalX()).bind("y", made.focalY()).execute());
    }

    /** Moves the focal point (0..1 from left and top); the crops are made again. */
    public void setFocalPoint(long id, double x, double y) {
        db.useTransaction(h -> h.createUpdate("update media set focal_x = :x, focal_y = :y, renditions_ready = false where id = :id")
            .bind("x", x).bind("y", y).bind("id", id).execute());
    }

    /** The library text's revision: a library edit names the one it was based on. */
    public int textRevision(long id) {
        return db.read(h -> h.createQuery("select text_revision from media where id = :id").bind("id", id).mapTo(Integer.class).findOne().orElse(0));
    }

    /** Saves the library's words over {@code baseRevision}; false (nothing written) when someone saved them in between. */
    public boolean updateText(long id, int baseRevision, PhotoText text) {
        return db.transaction(h -> {
            boolean saved = h.createUpdate("""
                update media set caption = :caption, credit = :credit, creator = :creator, copyright = :copyright,
                                 alt_text = :alt, title = :title, text_revision = text_revision + 1
                 where id = :id and text_revision = :base
                """).bind("caption", text.caption()).bind("credit", text.credit()).bind("creator", text.creator())
            .bind("copyright", text.copyright()).bind("alt", text.altText()).bind("title", text.title()).bind("id", id)
            .bind("base", baseRevision).execute() == 1;
            if (saved) changeLog.photoChanged(h, id);
            return saved;
        });
    }
}
