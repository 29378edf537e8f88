package org.masthead.front;

import java.util.List;
import org.masthead.db.Database;

/** The SQL for front slots. */
final class FrontStore {
    private final Database db;

    FrontStore(Database db) { this.db = db; }

    /** A slot at its position (an expired slot's removal leaves a gap, so the stories below keep their places). */
    record Placed(int position, Fronts.Slot slot) {}

    /** A front's slots in position order, expired ones included (the expiry job removes those). */
    List<Placed> list(String front) {
        return db.read(h -> h.createQuery("select position, article_id, pinned_until from front_slot where front = :f order by position")
            .bind("f", front).map((rs, ctx) -> {
                long until = rs.getLong("pinned_until");
                Long pinnedUntil = rs.wasNull() ? null : until; // before any other column is read
                return new Placed(rs.getInt("position"), new Fronts.Slot(rs.getLong("article_id"), pinnedUntil));
            }).list());
    }

    /** Replaces a front's slots in one transaction. */
    void replace(String front, List<Fronts.Slot> slots) {
        db.useTransaction(h -> {
            h.createUpdate("delete from front_slot where front = :f").bind("f", front).execute();
            var batch = h.prepareBatch("insert into front_slot (front, position, article_id, pinned_until) values (:f, :p, :a, :u)");
            for (int i = 0; i < slots.size(); i++) {
                batch.bind("f", front).bind("p", i).bind("a", slots.get(i).articleId()).bind("u", slots.get(i).pinnedUntil()).add();
            }
            if (!slots.isEmpty()) batch.execute();
        });
    }

    /** Slots whose pin ran out by {@code now}, as (front, article id). */
    List<java.util.Map.Entry<String, Long>> listExpired(long now) {
        return db.read(h -> h.createQuery("select front, article_id from front_slot where pinned_until is not null and pinned_until <= :now")
            .bind("now", now).map((rs, ctx) -> java.util.Map.entry(rs.getString("front"), rs.getLong("article_id"))).list());
    }

    /** Deletes slots whose pin ran out by {@code now}; the others keep their positions (a gap is filled by recency). */
    int deleteExpired(long now) {
        return db.transaction(h -> h.createUpdate("delete from front_slot where pinned_until is not null and pinned_until <= :now")
            .bind("now", now).execute());
    }
}
