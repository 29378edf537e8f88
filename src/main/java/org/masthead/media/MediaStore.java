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
            rs.getString("alt_text"), rs.getString("title"));
    }

    private static final String COLUMNS = "id, sha256, mime, width, height, caption, credit, creator, copyright, alt_text, title";

    public Optional<Photo> find(long id) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from media where id = :id").bind("id", id)
            .map((rs, ctx) -> photo(rs)).findOne());
    }

    Optional<Photo> findBySha(String sha) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from media where sha256 = :sha").bind("sha", sha)
            .map((rs, ctx) -> photo(rs)).findOne());
    }

    long insert(String sha, String path, PhotoFormat format, int width, int height, long size, PhotoText text, String sourceMetadata,
                Long userId, long now) {
        return db.transaction(h -> h.createQuery("""
                insert into media (sha256, path, mime, width, height, byte_size, caption, credit, creator, copyright,
                                   alt_text, title, source_metadata, created_at, created_by)
                values (:sha, :path, :mime, :w, :h, :size, :caption, :credit, :creator, :copyright, :alt, :title, :meta, :now, :user)
                returning id
                """).bind("sha", sha).bind("path", path).bind("mime", format.mime()).bind("w", width).bind("h", height)
            .bind("size", size).bind("caption", text.caption()).bind("credit", text.credit()).bind("creator", text.creator())
            .bind("copyright", text.copyright()).bind("alt", text.altText()).bind("title", text.title())
            .bind("meta", sourceMetadata).bind("now", now).bind("user", userId).mapTo(Long.class).one());
    }

    /** A photo with what renditions need: where its original is and its focal point. */
    public record Source(Photo photo, String path, double focalX, double focalY) {}

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(photo(rs), rs.getString("path"), rs.getDouble("focal_x"), rs.getDouble("focal_y"));
    }

    Optional<Source> findSource(String sha) {
        return db.read(h -> h.createQuery("select " + COLUMNS + ", path, focal_x, focal_y from media where sha256 = :sha").bind("sha", sha)
            .map((rs, ctx) -> source(rs)).findOne());
    }

    /** Photos whose renditions may be incomplete, oldest first. */
    List<Source> listNeedingRenditions(int limit) {
        return db.read(h -> h.createQuery("select " + COLUMNS + ", path, focal_x, focal_y from media where renditions_ready = false order by id limit :n")
            .bind("n", limit).map((rs, ctx) -> source(rs)).list());
    }

    int countNeedingRenditions() {
        return db.read(h -> h.createQuery("select count(*) from media where renditions_ready = false").mapTo(Integer.class).one());
    }

    void markRenditions(long id, boolean ready) {
        db.useTransaction(h -> h.createUpdate("update media set renditions_ready = :r where id = :id").bind("r", ready).bind("id", id).execute());
    }

    /** Moves the focal point (0..1 from left and top); the crops are made again. */
    void setFocalPoint(long id, double x, double y) {
        db.useTransaction(h -> h.createUpdate("update media set focal_x = :x, focal_y = :y, renditions_ready = false where id = :id")
            .bind("x", x).bind("y", y).bind("id", id).execute());
    }

    void updateText(long id, PhotoText text) {
        db.useTransaction(h -> h.createUpdate("""
                update media set caption = :caption, credit = :credit, creator = :creator, copyright = :copyright,
                                 alt_text = :alt, title = :title
                 where id = :id
                """).bind("caption", text.caption()).bind("credit", text.credit()).bind("creator", text.creator())
            .bind("copyright", text.copyright()).bind("alt", text.altText()).bind("title", text.title()).bind("id", id).execute());
    }
}
