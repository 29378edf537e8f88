package org.masthead.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.masthead.article.Article;
import org.masthead.article.ArticleStatus;
import org.masthead.article.Seo;
import org.masthead.taxonomy.Author;
import org.masthead.taxonomy.Section;
import org.masthead.taxonomy.Tag;

/**
 * bench/search.sh: the reader's search (Masthead's Lucene index, through {@link SearchIndex#search}, snippets and all) against
 * SQLite FTS5 and PostgreSQL full-text search (tsvector + GIN) on the same synthetic corpus and the same queries, in one run.
 * Prints build rate, size, heap and query p50/p95/p99 at 1 and 8 clients. Bounded: {@code seconds} per engine and client count.
 *
 * <p>Usage: SearchBench stories [seconds] [pg-url]. The corpus is regenerated from a seed per story, so no engine holds it in memory.
 */
public final class SearchBench {
    static final String[] SECTIONS = {"news", "politics", "business", "sport", "science", "culture", "world", "opinion"};
    static final String[] TOPICS = {"harbour", "council", "election", "storm", "flood", "budget", "hospital", "railway", "festival", "museum",
        "school", "bridge", "market", "court", "police", "theatre", "river", "airport", "library", "stadium"};
    static final String[] PHRASES = {"flood defence", "city council", "night bus", "public inquiry", "interest rates"};
    static final int VOCABULARY = 30_000;
    static final long TEN_YEARS = 10L * 365 * 86_400_000L;
    static String[] words;
    static double[] cdf;
    static long now = System.currentTimeMillis();

    public static void main(String[] args) throws Exception {
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String pg = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        var engines = java.util.Set.of((args.length > 3 ? args[3] : "lucene,sqlite,pg").split(","));
        vocabulary();
        var queries = queries();
        var keep = System.getenv("BENCH_KEEP"); // a folder: the built indexes stay there, and a later run re-measures their queries only
        var work = keep == null || keep.isBlank() ? Files.createTempDirectory("search-bench") : Files.createDirectories(Path.of(keep));
        kept = keep != null && !keep.isBlank();
        System.out.printf("corpus: %,d synthetic stories of about 600 words; %d queries (terms, phrases, prefixes, section filters); %d s per run%n",
            stories, queries.size(), seconds);
        var rows = new ArrayList<String>();

        // Lucene, as Masthead indexes and searches.
        System.gc();
        long heap0 = used();
        long t0 = System.nanoTime();
        var root = work.resolve("lucene");
        double luceneBuild = built(work, "lucene", stories);
        if (Double.isNaN(luceneBuild)) {
        deleteTree(root);
        try (var dir = FSDirectory.open(root.resolve("g1"));
             var w = new IndexWriter(dir, SearchIndex.writerConfig(SearchIndex.analyzer(), IndexWriterConfig.OpenMode.CREATE))) {
            var widths = List.of(320);
            var threads = new ArrayList<Thread>();
            for (int part = 0; part < 2; part++) { // two cores: two indexing threads
                int from = part;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = from; i < stories; i += 2) w.addDocument(SearchIndex.document(article(i), widths));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (var t : threads) t.join();
            w.setLiveCommitData(java.util.Map.of("complete", "true").entrySet());
            w.commit();
            System.out.printf("lucene: %,d stories indexed and committed in %.1f s%n", stories, (System.nanoTime() - t0) / 1e9);
        }
        luceneBuild = recordBuild(work, "lucene", stories, stories / ((System.nanoTime() - t0) / 1e9));
        }
        var index = SearchIndex.serving(root, "g1");
        index.unbounded(); // the engine, not the node's flood protection
        System.gc();
        long luceneHeap = used() - heap0;
        rows.add(row("Lucene (Masthead)", luceneBuild, size(root), luceneHeap, seconds, perThread(() ->
            q -> index.search(q.text(), new SearchIndex.Filters(q.section(), null, null, null, null, false), 1, now).items().size(), queries)));
        index.close();

        if (!engines.contains("sqlite")) {
            finish(rows, work);
            return;
        }
        // SQLite FTS5 (the engine Masthead embeds), porter stemming, bm25 with the headline weighted, snippet().
        var sqlite = work.resolve("fts.db");
        t0 = System.nanoTime();
        double sqliteBuild = built(work, "sqlite", stories);
        if (Double.isNaN(sqliteBuild)) {
        Files.deleteIfExists(sqlite);
        Files.deleteIfExists(work.resolve("fts.db-wal"));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
            try (var st = c.createStatement()) {
                st.execute("pragma journal_mode=wal");
                st.execute("create virtual table fts using fts5(headline, dek, body, section unindexed, published unindexed, "
                    + "tokenize='porter unicode61 remove_diacritics 2')");
            }
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("insert into fts(rowid, headline, dek, body, section, published) values (?,?,?,?,?,?)")) {
                for (int i = 0; i < stories; i++) {
                    var a = article(i);
                    ps.setLong(1, i + 1);
                    ps.setString(2, a.headline());
                    ps.setString(3, a.dek());
                    ps.setString(4, plain(a.bodyHtml()));
                    ps.setString(5, a.section().slug());
                    ps.setLong(6, a.publishedAt());
                    ps.addBatch();
                    if (i % 1000 == 999) ps.executeBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            try (var st = c.createStatement()) {
                st.execute("insert into fts(fts) values('optimize')");
            }
            c.commit();
        }
        sqliteBuild = recordBuild(work, "sqlite", stories, stories / ((System.nanoTime() - t0) / 1e9));
        }
        rows.add(row("SQLite FTS5", sqliteBuild, Files.size(sqlite) + sizeIfExists(work.resolve("fts.db-wal")), -1, seconds, perThread(() -> {
            try {
                var c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                var plainQ = c.prepareStatement("select rowid, headline, snippet(fts, 2, '<mark>', '</mark>', ' … ', 24) from fts where fts match ?"
                    + " order by bm25(fts, 3.0, 1.5, 1.0) limit 10");
                var filtered = c.prepareStatement("select rowid, headline, snippet(fts, 2, '<mark>', '</mark>', ' … ', 24) from fts where fts match ?"
                    + " and section = ? order by bm25(fts, 3.0, 1.5, 1.0) limit 10");
                return q -> run(q.section() == null ? plainQ : filtered, fts5(q.text()), q.section());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, queries)));

        if (!engines.contains("pg")) {
            finish(rows, work);
            return;
        }
        // PostgreSQL: a stored, weighted tsvector with a GIN index; ts_rank over the matches, ts_headline for the page shown.
        try (var c = DriverManager.getConnection(pg)) {
            double pgBuild = built(work, "pg", stories);
            if (Double.isNaN(pgBuild)) {
            try (var st = c.createStatement()) {
                st.execute("drop table if exists search_bench");
                st.execute("create unlogged table search_bench (id bigint primary key, section text not null, published bigint not null, headline text, dek text, body text,"
                    + " tsv tsvector generated always as (setweight(to_tsvector('english', coalesce(headline, '')), 'A')"
                    + " || setweight(to_tsvector('english', coalesce(dek, '')), 'B') || setweight(to_tsvector('english', coalesce(body, '')), 'C')) stored)");
            }
            t0 = System.nanoTime();
            var loaders = new ArrayList<Thread>();
            for (int part = 0; part < 2; part++) { // two cores: two loading connections, as Lucene gets two indexing threads
                int from = part;
                loaders.add(Thread.ofPlatform().start(() -> {
                    try (var lc = DriverManager.getConnection(pg);
                         var ps = lc.prepareStatement("insert into search_bench (id, section, published, headline, dek, body) values (?,?,?,?,?,?)")) {
                        lc.setAutoCommit(false);
                        int n = 0;
                        for (int i = from; i < stories; i += 2) {
                            var a = article(i);
                            ps.setLong(1, i + 1);
                            ps.setString(2, a.section().slug());
                            ps.setLong(3, a.publishedAt());
                            ps.setString(4, a.headline());
                            ps.setString(5, a.dek());
                            ps.setString(6, plain(a.bodyHtml()));
                            ps.addBatch();
                            if (++n % 1000 == 0) {
                                ps.executeBatch();
                                lc.commit();
                            }
                        }
                        ps.executeBatch();
                        lc.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (var t : loaders) t.join();
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set maintenance_work_mem = '1GB'"); // the peer tuned for a bulk build, as Lucene gets a 256 MB buffer
                st.execute("create index search_bench_tsv on search_bench using gin (tsv)");
                st.execute("analyze search_bench");
            }
            c.commit();
            pgBuild = recordBuild(work, "pg", stories, stories / ((System.nanoTime() - t0) / 1e9));
            }
            long pgSize;
            try (var st = c.createStatement(); var rs = st.executeQuery("select pg_total_relation_size('search_bench')")) {
                rs.next();
                pgSize = rs.getLong(1);
            }
            rows.add(row("PostgreSQL tsvector+GIN", pgBuild, pgSize, -1, seconds, perThread(() -> {
                try {
                    var pc = DriverManager.getConnection(pg);
                    var sql = "select id, headline, ts_headline('english', body, q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2') from"
                        + " (select id, headline, body, q, ts_rank(tsv, q) as r from search_bench, %s as q where tsv @@ q %s order by r desc limit 10) t";
                    var plainQ = pc.prepareStatement(sql.formatted("to_tsquery('english', ?)", ""));
                    var filtered = pc.prepareStatement(sql.formatted("to_tsquery('english', ?)", "and section = ?"));
                    return q -> run(q.section() == null ? plainQ : filtered, tsquery(q.text()), q.section());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, queries)));
            if (!kept) {
                try (var st = c.createStatement()) {
                    st.execute("drop table search_bench");
                }
                c.commit();
            }
        }
        finish(rows, work);
    }

    static void finish(List<String> rows, Path work) throws Exception {
        System.out.println();
        System.out.println("| engine | build (docs/s) | size (MB) | heap (MB) | p50 / p95 / p99 at 1 client (ms) | p50 / p95 / p99 at 8 clients (ms) | queries/s at 8 |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        if (!kept) deleteTree(work);
    }

    static boolean kept;

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The build rate an earlier run recorded for {@code engine} over the same corpus, in a kept folder; NaN: build it now. */
    static double built(Path work, String engine, int stories) throws Exception {
        var f = work.resolve(engine + ".built");
        if (!kept || !Files.exists(f)) return Double.NaN;
        var parts = Files.readString(f).strip().split(" ");
        if (Integer.parseInt(parts[0]) != stories) return Double.NaN;
        System.out.printf("%s: reusing the index built earlier in %s (build rate as measured then)%n", engine, work);
        return Double.parseDouble(parts[1]);
    }

    static double recordBuild(Path work, String engine, int stories, double rate) throws Exception {
        if (kept) Files.writeString(work.resolve(engine + ".built"), stories + " " + rate);
        return rate;
    }

    record BenchQuery(String text, String section) {}

    interface Runner { int run(BenchQuery q) throws Exception; }

    /** One runner per client thread (its own connection), cycling through the queries from its own place. */
    static Supplier<Supplier<Callable>> perThread(Supplier<Runner> connect, List<BenchQuery> queries) {
        return () -> {
            var runner = connect.get();
            var next = new int[] {new Random().nextInt(queries.size())};
            return () -> {
                var q = queries.get(next[0]++ % queries.size());
                return () -> runner.run(q);
            };
        };
    }

    interface Callable { int call() throws Exception; }

    static String row(String engine, double build, long bytes, long heap, int seconds, Supplier<Supplier<Callable>> perClient) throws Exception {
        measure(perClient, 1, Math.max(2, seconds / 3)); // warm-up
        var one = measure(perClient, 1, seconds);
        var eight = measure(perClient, 8, seconds);
        var line = String.format("| %s | %,.0f | %,.0f | %s | %s | %s | %,.0f |", engine, build, bytes / 1e6, heap < 0 ? "n/a" : String.format("%,.0f", heap / 1e6),
            pct(one), pct(eight), eight.length / (double) seconds);
        System.out.println(line);
        return line;
    }

    static String pct(long[] nanos) {
        Arrays.sort(nanos);
        return String.format("%.2f / %.2f / %.2f", at(nanos, .50), at(nanos, .95), at(nanos, .99));
    }

    static double at(long[] sorted, double p) { return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6; }

    /** Runs {@code clients} threads for {@code seconds}; returns every query's latency in ns. */
    static long[] measure(Supplier<Supplier<Callable>> perClient, int clients, int seconds) throws Exception {
        var stop = new AtomicBoolean();
        var all = new java.util.concurrent.ConcurrentLinkedQueue<long[]>();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < clients; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                var next = perClient.get();
                var mine = new long[1 << 16];
                int n = 0;
                try {
                    while (!stop.get()) {
                        var call = next.get();
                        long s = System.nanoTime();
                        call.call();
                        if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                        mine[n++] = System.nanoTime() - s;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                all.add(Arrays.copyOf(mine, n));
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (var t : threads) t.join();
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    static int run(PreparedStatement ps, String match, String section) throws Exception {
        ps.setString(1, match);
        if (section != null) ps.setString(2, section);
        int n = 0;
        try (var rs = ps.executeQuery()) {
            while (rs.next()) n++;
        }
        return n;
    }

    /** The reader's query in FTS5's syntax: words, "phrases" and prefix* are the same; every word required. */
    static String fts5(String q) { return q; }

    /** The reader's query as a tsquery: words joined by &, a phrase by <->, a prefix by :*. */
    static String tsquery(String q) {
        if (q.startsWith("\"")) return String.join(" <-> ", q.replace("\"", "").split(" "));
        return String.join(" & ", Arrays.stream(q.split(" ")).map(w -> w.endsWith("*") ? w.substring(0, w.length() - 1) + ":*" : w).toList());
    }

    static List<BenchQuery> queries() {
        var r = new Random(7);
        var list = new ArrayList<BenchQuery>();
        for (var t : TOPICS) list.add(new BenchQuery(t, null));                                     // single common words
        for (int i = 0; i < 10; i++) list.add(new BenchQuery(words[200 + r.nextInt(5000)], null));  // mid-frequency words
        for (var p : PHRASES) list.add(new BenchQuery("\"" + p + "\"", null));                      // phrases
        for (var t : new String[] {"harb*", "elect*", "hosp*", "rail*", "fest*"}) list.add(new BenchQuery(t, null)); // prefixes
        for (int i = 0; i < 10; i++) list.add(new BenchQuery(TOPICS[r.nextInt(TOPICS.length)], SECTIONS[r.nextInt(SECTIONS.length)])); // filtered
        for (int i = 0; i < 5; i++) list.add(new BenchQuery(TOPICS[r.nextInt(TOPICS.length)] + " " + TOPICS[r.nextInt(TOPICS.length)], null)); // two words
        return List.copyOf(list);
    }

    /** Story {@code i}, the same every time: Zipf-distributed pseudo-words, two topics and now and then a phrase. */
    static Article article(int i) {
        var r = new Random(1_000_003L * i + 17);
        var topicA = TOPICS[r.nextInt(TOPICS.length)];
        var topicB = TOPICS[r.nextInt(TOPICS.length)];
        var headline = topicA + " " + sentence(r, 7);
        var dek = sentence(r, 18) + " " + topicB;
        var body = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            body.append("<p>").append(sentence(r, 58));
            if (r.nextInt(3) == 0) body.append(' ').append(p % 2 == 0 ? topicA : topicB);
            if (r.nextInt(25) == 0) body.append(' ').append(PHRASES[r.nextInt(PHRASES.length)]);
            body.append(".</p>");
        }
        int s = r.nextInt(SECTIONS.length);
        long published = now - (long) (r.nextDouble() * TEN_YEARS);
        return new Article(i + 1, new Section(s + 1, SECTIONS[s], SECTIONS[s], false), "story-" + i, ArticleStatus.PUBLISHED, headline, dek,
            body.toString(), null, "", published, published, 1, 1L, List.of(new Author(1 + r.nextInt(200), "reporter-" + r.nextInt(200), "Reporter")),
            List.of(new Tag(1, topicA, topicA)), Article.Workflow.NONE, List.of(), "en", Seo.NONE);
    }

    static String sentence(Random r, int n) {
        var sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) sb.append(' ');
            int idx = Arrays.binarySearch(cdf, r.nextDouble());
            sb.append(words[idx < 0 ? Math.min(-idx - 1, VOCABULARY - 1) : idx]);
        }
        return sb.toString();
    }

    static void vocabulary() {
        var syll = new String[] {"ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "da", "mor", "len", "sal", "tin", "bra", "cle", "dun", "fir", "gal", "hes"};
        var r = new Random(3);
        var seen = new java.util.LinkedHashSet<String>();
        while (seen.size() < VOCABULARY) {
            var sb = new StringBuilder();
            int n = 2 + r.nextInt(3); // 2 to 4 syllables: 168,000 possible words
            for (int k = 0; k < n; k++) sb.append(syll[r.nextInt(syll.length)]);
            seen.add(sb.toString());
        }
        words = seen.toArray(new String[0]);
        cdf = new double[VOCABULARY];
        double sum = 0;
        for (int k = 0; k < VOCABULARY; k++) sum += 1.0 / (k + 1);
        double acc = 0;
        for (int k = 0; k < VOCABULARY; k++) {
            acc += 1.0 / (k + 1) / sum;
            cdf[k] = acc;
        }
    }

    static String plain(String html) { return html.replace("<p>", "").replace("</p>", "\n"); }

    static long used() { return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(); }

    static long size(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static long sizeIfExists(Path p) throws Exception { return Files.exists(p) ? Files.size(p) : 0; }

    private SearchBench() {}
}
