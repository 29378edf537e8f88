package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of this node, in the data folder and always derived from SQL: built in the
 * background when missing or unreadable (search says so meanwhile, never answering from half an
 * index as if whole), then kept in step by the article event, so a publish, edit, unpublish or kill
 * is searchable, or gone, at once. Text is indexed three ways: folded (any script: lower case, Arabic
 * alef/hamza/taa-marbuta/diacritic normalization, Latin accents folded), English-stemmed for English
 * stories and Arabic-stemmed for Arabic ones; a query searches all three, the headline boosted.
 * The index stores what results show, so a query runs no SQL.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    public static final int PAGE_SIZE = 10;
    public static final int MAX_PAGE = 50;
    public static final int MAX_QUERY = 200;
    /** News decays: a story's score is multiplied by 1 / (1 + age in days / 30), so a month-old story counts half as much as today's. */
    static final double HALF_LIFE_DAYS = 30;

    /** Lower case, Arabic normalization and accent folding: one analyzer for every language. */
    static final class Folded extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            var source = new StandardTokenizer();
            TokenStream t = new LowerCaseFilter(source);
            t = new ArabicNormalizationFilter(t);
            t = new ASCIIFoldingFilter(t);
            return new TokenStreamComponents(source, t);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new ArabicNormalizationFilter(new LowerCaseFilter(in)));
        }
    }

    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new Folded(), Map.of("text_en", new EnglishAnalyzer(), "text_ar", new ArabicAnalyzer()));
    }

    public record Hit(long id, String path, String headline, String section, String byline, String snippetHtml, long publishedAt) {}

    public record Results(long total, List<Hit> items, int page, boolean building, long indexed, long toIndex) {}

    private final Path dir;
    private final ArticleStore articles;
    private final Analyzer analyzer = analyzer();
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong toIndex = new AtomicLong();
    private @Nullable FSDirectory directory;
    private @Nullable IndexWriter writer;
    private @Nullable SearcherManager searchers;

    public SearchIndex(Path dir, ArticleStore articles) {
        this.dir = dir;
        this.articles = articles;
    }

    /** Opens the index; an empty, missing or unreadable one is rebuilt from SQL on a background thread. */
    public synchronized void start() {
        try {
            Files.createDirectories(dir);
            boolean usable;
            try (var probe = FSDirectory.open(dir)) {
                usable = DirectoryReader.indexExists(probe);
                if (usable) {
                    try (var reader = DirectoryReader.open(probe)) { // a build cut short left no "complete" mark: build again
                        usable = "true".equals(reader.getIndexCommit().getUserData().get("complete"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.warn("search index in {} is unreadable ({}); rebuilding it", dir, e.getMessage());
                usable = false;
            }
            if (!usable) {
                try (var stream = Files.list(dir)) {
                    for (var f : stream.toList()) Files.deleteIfExists(f);
                }
            }
            directory = FSDirectory.open(dir);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
            if (usable) writer.setLiveCommitData(Map.of("complete", "true").entrySet());
            if (!usable) Thread.ofPlatform().name("search-rebuild").daemon().start(this::rebuildQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    public boolean building() { return building.get(); }

    private volatile boolean closed;

    private void rebuildQuietly() {
        try {
            rebuild(n -> { });
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            log.info("the search index closed while it was being built; it is built again at the next start");
        } catch (RuntimeException e) {
            if (!closed) log.error("rebuilding the search index failed", e);
        }
    }

    /** Indexes every published story again from SQL (the site keeps serving; search says it is building until done). */
    public void rebuild(java.util.function.LongConsumer progress) {
        building.set(true);
        indexed.set(0);
        try {
            var ids = new ArrayList<Long>();
            for (int offset = 0; ; offset += 1000) {
                var page = articles.listPublished(null, 1000, offset);
                page.forEach(a -> ids.add(a.id()));
                if (page.size() < 1000) break;
            }
            toIndex.set(ids.size());
            for (long id : ids) {
                index(id, false);
                progress.accept(indexed.incrementAndGet());
            }
            writer.setLiveCommitData(Map.of("complete", "true").entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            building.set(false);
        }
    }

    private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Runnable nudge = () -> { };

    /** How to wake the job that indexes changed stories (the jobs runner's nudge). */
    public void nudgeWith(Runnable nudge) { this.nudge = nudge; }

    /**
     * The article event: the story is queued to be indexed again, or removed when readers can no longer see it, by job
     * "search-follow" (woken at once, so within a second), never inside the save that announced it.
     */
    public void articleChanged(ArticleChanged change) {
        pending.add(change.articleId());
        nudge.run();
    }

    /** Job step: indexes the stories changed since the last step, then shows them to searches. */
    public void follow() throws IOException {
        if (pending.isEmpty() || writer == null) return;
        var ids = new ArrayList<>(pending);
        pending.removeAll(ids);
        for (long id : ids) index(id, false);
        searchers.maybeRefreshBlocking();
    }

    private void index(long id, boolean refresh) {
        try {
            var a = articles.find(id).filter(Article::isPublished);
            if (a.isEmpty()) writer.deleteDocuments(new Term("id", String.valueOf(id)));
            else writer.updateDocument(new Term("id", String.valueOf(id)), document(a.get()));
            if (refresh) searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Job step: makes what was indexed durable (search itself sees changes at once). */
    public void commit() throws IOException {
        if (writer != null && !building() && writer.hasUncommittedChanges()) writer.commit(); // never commit half a build
    }

    static Document document(Article a) {
        var d = new Document();
        var body = org.jsoup.Jsoup.parse(a.bodyHtml()).text();
        var captions = a.leadPhoto() == null ? "" : a.leadPhoto().caption() + " " + a.leadPhoto().credit();
        var bylines = String.join(", ", a.authors().stream().map(au -> au.displayName()).toList());
        var tags = String.join(" ", a.tags().stream().map(t -> t.name()).toList());
        d.add(new StringField("id", String.valueOf(a.id()), Field.Store.YES));
        d.add(new StoredField("path", a.path()));
        d.add(new TextField("headline", a.headline(), Field.Store.YES));
        d.add(new TextField("body", body, Field.Store.YES));
        var all = String.join("\n", a.headline(), a.dek(), body, bylines, a.section().name(), tags, captions, a.dateline());
        d.add(new TextField("text", all, Field.Store.NO));
        var language = a.language().isEmpty() ? "" : a.language().toLowerCase(java.util.Locale.ROOT);
        if (language.startsWith("en") || language.isEmpty()) d.add(new TextField("text_en", all, Field.Store.NO));
        if (language.startsWith("ar")) d.add(new TextField("text_ar", all, Field.Store.NO));
        d.add(new StringField("language", language, Field.Store.NO));
        d.add(new StringField("section", a.section().slug(), Field.Store.NO));
        d.add(new StoredField("section_name", a.section().name()));
        for (var au : a.authors()) d.add(new StringField("author", au.slug(), Field.Store.NO));
        for (var t : a.tags()) d.add(new StringField("tag", t.slug(), Field.Store.NO));
        d.add(new StoredField("byline", bylines));
        long published = a.publishedAt() == null ? a.updatedAt() : a.publishedAt();
        d.add(new LongPoint("published_at", published));
        d.add(new NumericDocValuesField("published", published));
        d.add(new StoredField("published", published));
        return d;
    }

    /** What a reader may filter on. Null or blank: no filter. */
    public record Filters(@Nullable String section, @Nullable String author, @Nullable String tag, @Nullable Long from, @Nullable Long to, boolean newest) {
        public static final Filters NONE = new Filters(null, null, null, null, null, false);
    }

    /** A user's query: phrases, prefixes and exclusions as Lucene's classic syntax has them, any term required; junk read as plain words. */
    Query parse(String q) {
        var parser = new MultiFieldQueryParser(new String[] {"headline", "text", "text_en", "text_ar"}, analyzer,
            Map.of("headline", 3f, "text", 1f, "text_en", 1f, "text_ar", 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(q);
        } catch (ParseException | RuntimeException e) {
            try {
                return parser.parse(QueryParser.escape(q));
            } catch (ParseException e2) {
                return new BooleanQuery.Builder().build();
            }
        }
    }

    public Results search(String rawQuery, Filters filters, int page, long now) {
        var q = rawQuery == null ? "" : rawQuery.strip();
        if (q.length() > MAX_QUERY) q = q.substring(0, MAX_QUERY);
        int p = Math.max(1, Math.min(page, MAX_PAGE));
        if (q.isEmpty() || searchers == null) return new Results(0, List.of(), p, building(), indexed.get(), toIndex.get());
        var b = new BooleanQuery.Builder().add(parse(q), BooleanClause.Occur.MUST);
        if (filters.section() != null && !filters.section().isBlank()) b.add(new TermQuery(new Term("section", filters.section())), BooleanClause.Occur.FILTER);
        if (filters.author() != null && !filters.author().isBlank()) b.add(new TermQuery(new Term("author", filters.author())), BooleanClause.Occur.FILTER);
        if (filters.tag() != null && !filters.tag().isBlank()) b.add(new TermQuery(new Term("tag", filters.tag())), BooleanClause.Occur.FILTER);
        if (filters.from() != null || filters.to() != null) {
            b.add(LongPoint.newRangeQuery("published_at", filters.from() == null ? Long.MIN_VALUE : filters.from(),
                filters.to() == null ? Long.MAX_VALUE : filters.to()), BooleanClause.Occur.FILTER);
        }
        Query query = new FunctionScoreQuery(b.build(), new Recency(now));
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            int want = p * PAGE_SIZE;
            var top = filters.newest() ? searcher.search(query, want, new Sort(new SortField("published", SortField.Type.LONG, true)))
                : searcher.search(query, want);
            var highlighter = UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withFieldMatcher(f -> true).withMaxLength(20_000).build();
            var snippets = highlighter.highlight("body", query, top, 2);
            var items = new ArrayList<Hit>();
            var stored = searcher.storedFields();
            for (int i = (p - 1) * PAGE_SIZE; i < top.scoreDocs.length; i++) {
                var doc = stored.document(top.scoreDocs[i].doc);
                var snippet = snippets[i];
                if (snippet == null) {
                    var body = doc.get("body");
                    snippet = org.jsoup.nodes.Entities.escape(body.length() > 240 ? body.substring(0, 240) + "…" : body);
                }
                items.add(new Hit(Long.parseLong(doc.get("id")), doc.get("path"), doc.get("headline"), doc.get("section_name"), doc.get("byline"),
                    snippet, doc.getField("published").numericValue().longValue()));
            }
            return new Results(top.totalHits.value(), List.copyOf(items), p, building(), indexed.get(), toIndex.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException ignored) {
                    // released on close anyway
                }
            }
        }
    }

    /** 1 / (1 + age in days / {@value #HALF_LIFE_DAYS}), from the story's publication time. */
    static final class Recency extends DoubleValuesSource {
        private final long now;

        Recency(long now) { this.now = now; }

        @Override
        public DoubleValues getValues(org.apache.lucene.index.LeafReaderContext ctx, DoubleValues scores) throws IOException {
            var published = org.apache.lucene.index.DocValues.getNumeric(ctx.reader(), "published");
            return new DoubleValues() {
                long value;

                @Override
                public double doubleValue() {
                    double days = Math.max(0, (now - value) / 86_400_000.0);
                    return 1 / (1 + days / HALF_LIFE_DAYS);
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    value = published.advanceExact(doc) ? published.longValue() : now;
                    return true;
                }
            };
        }

        @Override public boolean needsScores() { return false; }

        @Override public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

        @Override public boolean isCacheable(org.apache.lucene.index.LeafReaderContext ctx) { return false; }

        @Override public int hashCode() { return Long.hashCode(now / 3_600_000); }

        @Override public boolean equals(Object o) { return o instanceof Recency r && r.now / 3_600_000 == now / 3_600_000; }

        @Override public String toString() { return "recency(" + HALF_LIFE_DAYS + " days)"; }
    }

    /** Lucene's note that the JDK's vector module is not enabled is for benchmarks, not for every start of the site. */
    private static final java.util.logging.Logger VECTOR_NOTE = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        VECTOR_NOTE.setLevel(java.util.logging.Level.SEVERE);
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (searchers != null) searchers.close();
            if (writer != null) writer.close();
            if (directory != null) directory.close();
        } catch (IOException e) {
            log.warn("closing the search index: {}", e.getMessage());
        }
    }
}
