package org.masthead.popularity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masthead.db.Database;

/** View aggregates in SQL: view_bucket (minutes), view_hour, view_day. */
public final class SqlViewStore implements ViewStore {
    private final Database db;

    public SqlViewStore(Database db) { this.db = db; }

    @Override
    public void add(Map<ViewCounter.Key, Long> counts) {
        var hours = new HashMap<ViewCounter.Key, Long>();
        var days = new HashMap<ViewCounter.Key, Long>();
        counts.forEach((k, n) -> {
            hours.merge(new ViewCounter.Key(k.articleId(), Math.floorDiv(k.minute(), 60)), n, Long::sum);
            days.merge(new ViewCounter.Key(k.articleId(), Math.floorDiv(k.minute(), 1440)), n, Long::sum);
        });
        db.useTransaction(h -> {
            for (var table : new String[][] {{"view_bucket", "minute"}, {"view_hour", "hour"}, {"view_day", "day"}}) {
                var rows = table[0].equals("view_bucket") ? counts : table[0].equals("view_hour") ? hours : days;
                var batch = h.prepareBatch("insert into " + table[0] + " (article_id, " + table[1] + ", count) "
                    + "select :a, :t, :n where exists (select 1 from article where id = :a) "
                    + "on conflict (article_id, " + table[1] + ") do update set count = " + table[0] + ".count + excluded.count");
                rows.forEach((k, n) -> batch.bind("a", k.articleId()).bind("t", k.minute()).bind("n", n).add());
                batch.execute();
            }
        });
    }

    private Map<Long, Long> sums(String table, String column, long from, long to) {
        return db.read(h -> {
            var out = new HashMap<Long, Long>();
            h.createQuery("select article_id, sum(count) as views from " + table + " where " + column + " between :from and :to group by article_id")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> { out.put(rs.getLong("article_id"), rs.getLong("views")); return null; }).list();
            return out;
        });
    }

    @Override public Map<Long, Long> minutes(long from, long to) { return sums("view_bucket", "minute", from, to); }

    @Override public Map<Long, Long> hours(long from, long to) { return sums("view_hour", "hour", from, to); }

    @Override public Map<Long, Long> days(long from, long to) { return sums("view_day", "day", from, to); }

    @Override
    public Map<Long, long[]> minuteSeries(List<Long> ids, long from, long to) {
        var out = new HashMap<Long, long[]>();
        if (ids.isEmpty()) return out;
        ids.forEach(id -> out.put(id, new long[(int) (to - from + 1)]));
        db.read(h -> h.createQuery("select article_id, minute, count from view_bucket where article_id in (<ids>) and minute between :from and :to")
            .bindList("ids", ids).bind("from", from).bind("to", to)
            .map((rs, ctx) -> { out.get(rs.getLong("article_id"))[(int) (rs.getLong("minute") - from)] = rs.getLong("count"); return null; })
            .list());
        return out;
    }

    @Override
    public void compact(long minuteFloor, long hourFloor, long dayFloor) {
        db.useTransaction(h -> {
            h.createUpdate("delete from view_bucket where minute < :f").bind("f", minuteFloor).execute();
            h.createUpdate("delete from view_hour where hour < :f").bind("f", hourFloor).execute();
            h.createUpdate("delete from view_day where day < :f").bind("f", dayFloor).execute();
        });
    }

    @Override public String name() { return "sql"; }
}
