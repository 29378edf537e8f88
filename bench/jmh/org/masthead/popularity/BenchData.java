package org.masthead.popularity;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.masthead.article.ArticleStore;
import org.masthead.db.Database;

/** A temporary SQLite site with {@code n} published articles, inserted directly for speed. */
final class BenchData {
    final Database db;
    final Popularity popularity;

    BenchData(int articles, int maxRemembered) throws Exception {
        db = Database.open(Files.createTempDirectory("masthead-bench-"), "", "", "", 4);
        db.useTransaction(h -> {
            h.execute("insert into section (slug, name, position) values ('news', 'News', 0)");
            var batch = h.prepareBatch("""
                insert into article (section_id, slug, status, headline, created_at, updated_at, published_at)
                values (1, :slug, 'published', :headline, 0, 0, 0)""");
            for (int i = 1; i <= articles; i++) batch.bind("slug", "story-" + i).bind("headline", "Story " + i).add();
            batch.execute();
        });
        popularity = new Popularity(new SqlViewStore(db), new ArticleStore(db), Clock.systemUTC(),
            new Popularity.Settings(Duration.ofSeconds(1), 10, 65534, maxRemembered, 2_000_000, 400), BotFilter.load(), new SimpleMeterRegistry());
        popularity.load();
    }
}
