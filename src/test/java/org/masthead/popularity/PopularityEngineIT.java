package org.masthead.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.account.Passwords;
import org.masthead.account.Role;
import org.masthead.account.User;
import org.masthead.account.UserStore;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleStore;
import org.masthead.article.Publishing;
import org.masthead.db.Database;
import org.masthead.taxonomy.TaxonomyStore;
import org.masthead.testing.MutableClock;
import org.masthead.testing.TestApp;

/** The engine with a hand-moved clock against a real store: buckets, windows, compaction, trending, readers. */
abstract class PopularityEngineIT {
    static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:30Z"));
    Database db;
    Path dir;
    String pgName;
    ArticleStore articles;
    TaxonomyStore taxonomy;
    Publishing publishing;
    User editor;

    abstract Database.Engine engine();

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("popularity-");
        String url = "";
        if (engine() == Database.Engine.POSTGRESQL) {
            pgName = "masthead_pop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var c = DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
                st.execute("create database " + pgName);
            }
            url = "jdbc:postgresql://127.0.0.1:5432/" + pgName;
        }
        db = Database.open(dir, url, "postgres", "", 4);
        taxonomy = new TaxonomyStore(db);
        taxonomy.addSection("News", "news");
        taxonomy.addSection("Sport", "sport");
        articles = new ArticleStore(db);
        publishing = new Publishing(db, articles, taxonomy, new org.masthead.media.MediaStore(db), new org.masthead.article.ChangeLog(db), "test-node", clock, false);
        var accounts = new org.masthead.account.Accounts(new UserStore(db), new Passwords(), clock);
        editor = accounts.create("e@example.com", "Ed", Role.EDITOR, "editor password 1");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        if (pgName != null) {
            try (var c = DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
                st.execute("drop database if exists " + pgName + " with (force)");
            }
        }
    }

    Popularity engine(int perAddressPerMinute) {
        var p = new Popularity(new SqlViewStore(db), articles, clock,
            new Popularity.Settings(Duration.ofSeconds(1), 1, perAddressPerMinute, 10_000, 10_000, 400), BotFilter.load(), new SimpleMeterRegistry());
        p.load();
        publishing.onChange(p::articleChanged);
        return p;
    }

    long publish(String headline, String section) {
        var s = taxonomy.findSectionBySlug(section).orElseThrow();
        var saved = (Publishing.Result.Saved) publishing.create(editor, new ArticleDraft(headline, "dek", s.id(), "", "<p>x</p>", "",
            List.of("Ed"), List.of()), (org.masthead.article.PhotoUse) null);
        publishing.publish(editor, saved.article().id());
        return saved.article().id();
    }

    void views(Popularity p, long id, int n) {
        for (int i = 0; i < n; i++) assertThat(p.beacon(id, UA + " r" + UUID.randomUUID(), null, "10.0.0." + (i % 200))).isEqualTo(Popularity.Outcome.COUNTED);
    }

    static List<Long> ids(List<Rankings.Ranked> list) { return list.stream().map(r -> r.article().id()).toList(); }

    @Test
    void views_land_in_minute_hour_and_day_buckets_and_each_window_counts_its_span() {
        long a = publish("A", "news");
        long b = publish("B", "news");
        var p = engine(1000);
        views(p, a, 3);
        clock.advance(Duration.ofHours(2));
        views(p, b, 5);
        p.tick();
        var r = p.rankings();
        assertThat(ids(r.mostRead(Window.HOUR, null))).containsExactly(b);
        assertThat(ids(r.mostRead(Window.DAY, null))).containsExactly(b, a);
        assertThat(r.mostRead(Window.DAY, null).get(1).views()).isEqualTo(3);
        int minuteRows = db.read(h -> h.createQuery("select count(*) from view_bucket").mapTo(Integer.class).one());
        int hourRows = db.read(h -> h.createQuery("select count(*) from view_hour").mapTo(Integer.class).one());
        long daySum = db.read(h -> h.createQuery("select sum(count) from view_day").mapTo(Long.class).one());
        assertThat(minuteRows).isEqualTo(2);
        assertThat(hourRows).isEqualTo(2);
        assertThat(daySum).isEqualTo(8);

        clock.advance(Duration.ofDays(3));
        views(p, b, 1);
        p.tick();
        r = p.rankings();
        assertThat(ids(r.mostRead(Window.DAY, null))).containsExactly(b);
        assertThat(r.mostRead(Window.DAY, null).get(0).views()).isEqualTo(1);
        assertThat(r.mostRead(Window.WEEK, null).get(0).views()).isEqualTo(6);
        clock.advance(Duration.ofDays(10));
        p.tick();
        assertThat(r = p.rankings()).isNotNull();
        assertThat(r.mostRead(Window.WEEK, null)).isEmpty();
        assertThat(ids(r.mostRead(Window.MONTH, null))).containsExactly(b, a);
    }

    @Test
    void compaction_drops_fine_buckets_past_their_horizon_and_keeps_the_totals() {
        long a = publish("A", "news");
        var p = engine(1000);
        views(p, a, 4);
        p.tick();
        clock.advance(Duration.ofHours(49));
        p.compact();
        int minutes = db.read(h -> h.createQuery("select count(*) from view_bucket").mapTo(Integer.class).one());
        assertThat(minutes).isZero();
        assertThat(p.views(a)).isEqualTo(4);
        clock.advance(Duration.ofDays(31));
        p.compact();
        int hours = db.read(h -> h.createQuery("select count(*) from view_hour").mapTo(Integer.class).one());
        assertThat(hours).isZero();
        assertThat(p.views(a)).isEqualTo(4);
        clock.advance(Duration.ofDays(400));
        p.compact();
        assertThat(p.views(a)).isZero();
    }

    @Test
    void rankings_are_per_section_too_and_the_rail_shows_five() {
        long[] news = new long[7];
        for (int i = 0; i < news.length; i++) news[i] = publish("News " + i, "news");
        long sport = publish("Sport story", "sport");
        var p = engine(1000);
        for (int i = 0; i < news.length; i++) views(p, news[i], i + 2);
        views(p, sport, 1);
        p.tick();
        var sportId = taxonomy.findSectionBySlug("sport").orElseThrow().id();
        assertThat(p.rail(null)).hasSize(5);
        assertThat(p.rail(null).get(0).id()).isEqualTo(news[6]);
        assertThat(p.rail(sportId)).extracting(s -> s.id()).containsExactly(sport);
        assertThat(ids(p.rankings().mostRead(Window.DAY, null))).doesNotContain(-1L).contains(sport);
    }

    @Test
    void trending_prefers_a_story_rising_above_its_baseline_over_a_bigger_steady_one() {
        long steady = publish("Steady", "news");
        clock.advance(Duration.ofMinutes(1));
        var p = engine(100_000);
        for (int h = 0; h < 24; h++) {            // 30 views an hour all day
            views(p, steady, 30);
            p.tick();
            clock.advance(Duration.ofHours(1));
        }
        long rising = publish("Rising", "news");
        views(p, rising, 12);                     // brand new, 12 views in its first hour
        views(p, steady, 31);
        p.tick();
        var trending = ids(p.rankings().trending(null));
        assertThat(trending).containsExactly(rising);
        assertThat(ids(p.rankings().mostRead(Window.HOUR, null))).containsExactly(steady, rising);
    }

    @Test
    void a_reader_counts_once_per_article_per_30_minutes_even_across_midnight() {
        long a = publish("A", "news");
        clock.set(Instant.parse("2026-11-20T23:50:00Z"));
        var p = engine(1000);
        assertThat(p.beacon(a, UA, null, "10.1.1.1")).isEqualTo(Popularity.Outcome.COUNTED);
        assertThat(p.beacon(a, UA, null, "10.1.1.1")).isEqualTo(Popularity.Outcome.REPEAT);
        assertThat(p.beacon(a, UA + " other", null, "10.1.1.1")).isEqualTo(Popularity.Outcome.COUNTED);
        clock.set(Instant.parse("2026-11-21T00:05:00Z")); // new daily salt; the old one still folds repeats
        assertThat(p.beacon(a, UA, null, "10.1.1.1")).isEqualTo(Popularity.Outcome.REPEAT);
        clock.set(Instant.parse("2026-11-21T00:31:00Z"));
        assertThat(p.beacon(a, UA, null, "10.1.1.1")).isEqualTo(Popularity.Outcome.COUNTED);
        p.tick();
        assertThat(p.views(a)).isEqualTo(3);
    }

    @Test
    void bots_unknown_ids_and_one_noisy_address_do_not_inflate_a_story() {
        long a = publish("A", "news");
        var draft = (Publishing.Result.Saved) publishing.create(editor, new ArticleDraft("Draft", "", taxonomy.listSections().get(0).id(),
            "", "", "", List.of(), List.of()), (org.masthead.article.PhotoUse) null);
        var p = engine(10);
        assertThat(p.beacon(a, "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", null, "10.2.2.2")).isEqualTo(Popularity.Outcome.BOT);
        assertThat(p.beacon(a, UA, "prefetch", "10.2.2.2")).isEqualTo(Popularity.Outcome.PREFETCH);
        assertThat(p.beacon(draft.article().id(), UA, null, "10.2.2.2")).isEqualTo(Popularity.Outcome.UNKNOWN);
        assertThat(p.beacon(99_999, UA, null, "10.2.2.2")).isEqualTo(Popularity.Outcome.UNKNOWN);
        int counted = 0;
        for (int i = 0; i < 50; i++) if (p.beacon(a, UA + i, null, "10.3.3.3") == Popularity.Outcome.COUNTED) counted++;
        assertThat(counted).isEqualTo(10);
        assertThat(p.count(Popularity.Outcome.RATE_LIMITED)).isEqualTo(40);
        clock.advance(Duration.ofMinutes(1));
        assertThat(p.beacon(a, UA + "later", null, "10.3.3.3")).isEqualTo(Popularity.Outcome.COUNTED);
        assertThat(p.botShare()).isGreaterThan(0);
    }

    @Test
    void a_restart_restores_rankings_and_only_unflushed_views_are_lost() {
        long a = publish("A", "news");
        long b = publish("B", "news");
        var first = engine(1000);
        views(first, a, 2);
        views(first, b, 6);
        first.tick();
        views(first, a, 9); // never flushed: the process "dies" here
        var second = engine(1000);
        assertThat(ids(second.rankings().mostRead(Window.DAY, null))).containsExactly(b, a);
        assertThat(second.views(a)).isEqualTo(2);
    }

    @Test
    void unpublished_stories_leave_the_rankings_at_the_next_tick() {
        long a = publish("A", "news");
        long b = publish("B", "news");
        var p = engine(1000);
        views(p, a, 5);
        views(p, b, 2);
        p.tick();
        publishing.unpublish(editor, a);
        p.tick();
        assertThat(ids(p.rankings().mostRead(Window.DAY, null))).containsExactly(b);
        assertThat(p.beacon(a, UA + "x", null, "10.9.9.9")).isEqualTo(Popularity.Outcome.UNKNOWN);
    }
}
