package org.masthead.popularity;

import java.util.List;
import java.util.Map;
import org.masthead.db.Database;

/** The SQL for view aggregates (view_bucket: article, minute, count). */
public final class PopularityStore {
    private final Database db;

    public PopularityStore(Database db) { this.db = db; }

    /** Adds the counts in one transaction; rows for deleted articles are skipped. */
    void add(Map<ViewCounter.Key, Long> counts) {
        db.useTransaction(h -> {
            var batch = h.prepareBatch("""
                insert into view_bucket (article_id, minute, count)
                select :a, :m, :n where exists (select 1 from article where id = :a)
                on conflict (article_id, minute) do update set count = view_bucket.count + excluded.count
                """);
            counts.forEach((k, n) -> batch.bind("a", k.articleId()).bind("m", k.minute()).bind("n", n).add());
            batch.execute();
        });
    }

    /** Adds {@code count} views of one article in one minute (demo content, imports of past counts). */
    public void addViews(long articleId, long minute, long count) {
        add(Map.of(new ViewCounter.Key(articleId, minute), count));
    }

    /** Published article ids by views since {@code sinceMinute}, most first. */
    List<Long> topPublished(long sinceMinute, int limit) {
        return db.read(h -> h.createQuery("""
                select v.article_id, sum(v.count) as views
                  from view_bucket v join article a on a.id = v.article_id
                 where v.minute >= :since and a.status = 'published'
                 group by v.article_id, a.published_at
                 order by views desc, a.published_at desc, v.article_id desc
                 limit :limit
                """).bind("since", sinceMinute).bind("limit", limit).map((rs, ctx) -> rs.getLong("article_id")).list());
    }

    long countViews(long articleId) {
        return db.read(h -> h.createQuery("select coalesce(sum(count), 0) from view_bucket where article_id = :a")
            .bind("a", articleId).mapTo(Long.class).one());
    }
}
