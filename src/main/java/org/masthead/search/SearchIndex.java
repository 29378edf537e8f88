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
    /**
     * News decays. A reader's search scores relevance (BM25 over the text, the headline in it three times, words and their stems) plus
     * {@code RECENCY_WEIGHT × 30 days / (30 days + age)}: today's story gains 3, a month-old one 1.5, a year-old one 0.23. Added,
     * not multiplied, so Lucene can still skip stories that cannot reach the top ten (a product would score every match).
     * Related stories multiply their similarity by {@code 1 / (1 + age in days / 30)}.
     */
    static final double HALF_LIFE_DAYS = 30;
    static final float RECENCY_WEIGHT = 3f;
    /** What the documents hold; a generation written with another layout is rebuilt at start. */
    static final String SCHEMA = "7";

    /**
     * Every generation keeps its documents newest first (stories by publication; photos, which have none, last): a search
     * sorted by date stops after its first page, and {@link RecencyQuery} knows the most any later story can gain.
     */
    static final Sort NEWEST_FIRST = newestFirst();

    private static Sort newestFirst() {
        var field = new SortField("published", SortField.Type.LONG, true);
        field.setMissingValue(Long.MIN_VALUE);
        return new Sort(field);
    }

    /** How every generation is written (the bench's too). */
    static IndexWriterConfig writerConfig(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        var config = new IndexWriterConfig(analyzer).setOpenMode(mode).setIndexSort(NEWEST_FIRST);
        return mode == IndexWriterConfig.OpenMode.CREATE ? config.setRAMBufferSizeMB(128) : config; // a rebuild: fewer, larger flushes
    }

    /** Lower case, Arabic normalization (digits too) and accent folding: one analyzer for every language. */
    static final class Folded extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            var source = new StandardTokenizer();
            return new TokenStreamComponents(source, fold(source));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) { return fold(in); }
    }

    static TokenStream fold(TokenStream in) {
        return new ASCIIFoldingFilter(new ArabicNormalizationFilter(new org.apache.lucene.analysis.core.DecimalDigitFilter(new LowerCaseFilter(in))));
    }

    /** Marks a stem apart from the words as written, so the two never mix (a typo is never "corrected" to a stem). */
    static final char STEM = '\u0001';

    /**
     * The text field in one pass: each word folded as written and, at the same position, its stem in the story's language
     * (English: Porter; Arabic: Lucene's light stemmer) marked with {@link #STEM}, only where it differs. One tokenization
     * and one field where two fields cost twice; a stem never passes for a word. Other languages: the folded words alone.
     */
    static final class Stemmed extends Analyzer {
        private final String language;

        Stemmed(String language) { this.language = language; }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            var source = new StandardTokenizer();
            var words = fold(new org.apache.lucene.analysis.en.EnglishPossessiveFilter(source));
            return new TokenStreamComponents(source, language.isEmpty() ? words : stems(words, language, false));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) { return fold(in); }
    }

    /**
     * A query's words as the text field holds them in any language: each word as typed, and where English or Arabic
     * stemming changes it, the stem both marked (the stories that hold another form of it) and plain (a story holding the
     * stem itself as a word: "floods" finds "flood").
     */
    static final class QueryStemmed extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            var source = new StandardTokenizer();
            return new TokenStreamComponents(source, stems(fold(new org.apache.lucene.analysis.en.EnglishPossessiveFilter(source)), "*", true));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) { return fold(in); }
    }

    /** Each word, then its stem in {@code language} ("en", "ar", or "*": both, each a no-op on the other's script) where it differs. */
    static TokenStream stems(TokenStream words, String language, boolean plainToo) {
        TokenStream t = new org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter(words);
        if (!language.equals("ar")) t = new org.apache.lucene.analysis.en.PorterStemFilter(t);
        if (!language.equals("en")) t = new org.apache.lucene.analysis.ar.ArabicStemFilter(t);
        return new StemCopies(t, plainToo);
    }

    /**
     * After KeywordRepeat and a stemmer: a story's text drops a stem equal to its word and marks the others with
     * {@link #STEM}; a query ({@code plainToo}) keeps every marked stem (a word that is its own stem must still find its
     * other forms) and, where the stem differs, the unmarked stem too at the same position.
     */
    static final class StemCopies extends org.apache.lucene.analysis.TokenFilter {
        private final boolean plainToo;
        private final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term = addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.KeywordAttribute keyword = addAttribute(org.apache.lucene.analysis.tokenattributes.KeywordAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute increment =
            addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
        private char[] word = new char[32];
        private int wordLength;
        private @Nullable State pendingMarked;

        StemCopies(TokenStream in, boolean plainToo) {
            super(in);
            this.plainToo = plainToo;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pendingMarked != null) {
                restoreState(pendingMarked);
                pendingMarked = null;
                mark();
                return true;
            }
            while (input.incrementToken()) {
                if (keyword.isKeyword()) { // the word as written: remember it for its stem
                    wordLength = term.length();
                    if (word.length < wordLength) word = new char[wordLength * 2];
                    System.arraycopy(term.buffer(), 0, word, 0, wordLength);
                    keyword.setKeyword(false);
                    return true;
                }
                boolean same = java.util.Arrays.equals(term.buffer(), 0, term.length(), word, 0, wordLength);
                if (same && !plainToo) continue; // the stem is the word: a story's text holds it once
                increment.setPositionIncrement(0);
                if (same) { // a query's word that is its own stem still looks for the stories holding its other forms ("flood": "flooded")
                    mark();
                    return true;
                }
                if (plainToo) {
                    pendingMarked = captureState();
                    return true;
                }
                mark();
                return true;
            }
            return false;
        }

        private void mark() {
            int n = term.length();
            var buffer = term.resizeBuffer(n + 1);
            System.arraycopy(buffer, 0, buffer, 1, n);
            buffer[0] = STEM;
            term.setLength(n + 1);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pendingMarked = null;
            wordLength = 0;
        }
    }

    private static final Map<String, Analyzer> BY_LANGUAGE = Map.of("en", new Stemmed("en"), "ar", new Stemmed("ar"), "", new Stemmed(""), "*", new Stemmed("*"));

    /** How a story's text is indexed: by its language (a story without one is read as English, the site default; "*": any language). */
    static Analyzer textAnalyzer(String language) {
        var l = language.equals("*") ? "*" : language.isEmpty() || language.startsWith("en") ? "en" : language.startsWith("ar") ? "ar" : "";
        return BY_LANGUAGE.get(l);
    }

    /** How queries (and the highlighter, and related stories) read text: the text field as {@link QueryStemmed}, the rest folded. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new Folded(), Map.of("text", new QueryStemmed()));
    }

    /** Words too common to make two stories alike: English and Arabic stop words, folded as the text field folds them. */
    private static final java.util.Set<String> STOP_WORDS = stopWords();

    private static java.util.Set<String> stopWords() {
        var folded = new Folded();
        var out = new java.util.HashSet<String>();
        for (var set : List.of(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, ArabicAnalyzer.getDefaultStopSet(),
            org.apache.lucene.analysis.fr.FrenchAnalyzer.getDefaultStopSet())) {
            for (var w : set) out.add(folded.normalize("text", new String((char[]) w)).utf8ToString());
        }
        return java.util.Set.copyOf(out);
    }

    public record Hit(long id, String path, String headline, String section, String byline, String snippetHtml, long publishedAt,
                      String thumbnail, int thumbnailWidth, int thumbnailHeight) {}

    /** {@code suggestion}: a respelling drawn from the index's own terms that finds stories, when the query found none; else "". */
    /** {@code totalExact} false: {@code total} is a lower bound (counting stops once the pages a reader can reach are certain). */
    public record Results(long total, boolean totalExact, List<Hit> items, int page, boolean building, long indexed, long toIndex, String suggestion) {}

    /** One generation of the index: a folder of its own, so a rebuild fills a new one while searches read the old. */
    private record Generation(String name, FSDirectory directory, IndexWriter writer, SearcherManager searchers) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    static final String CURRENT = "CURRENT";
    /** Changes this long before the last indexed moment are indexed again at start (other nodes' clocks, events in flight). */
    static final long REPLAY_MARGIN_MILLIS = 10 * 60_000;

    private final Path root;
    private final ArticleStore articles;
    /** The photo library, searched by the newsroom with the same engine (null: articles only, as the bench has it). */
    private org.masthead.media.@Nullable MediaStore photos;
    private final List<Integer> thumbnailWidths;
    private final java.time.Clock clock;
    private final Analyzer analyzer = analyzer();
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong toIndex = new AtomicLong();
    private volatile @Nullable Generation active;
    private volatile long indexedUntil;
    /** The change log's id up to which every event was indexed (0: unknown, an index written before it was kept). */
    private volatile long indexedSeq;
    private final org.masthead.article.@Nullable ChangeLog changeLog;
    /** Events logged this long before the last indexed moment are replayed too (ids are taken at insert, not at commit; other nodes' polls). */
    static final long SEQ_WINDOW_MILLIS = 60_000;

    public SearchIndex(Path root, ArticleStore articles, List<Integer> thumbnailWidths, java.time.Clock clock) {
        this(root, articles, null, thumbnailWidths, clock);
    }

    /** {@code changeLog}: the sequence-numbered article event log in SQL, from which a node that was away catches up. */
    public SearchIndex(Path root, ArticleStore articles, org.masthead.article.@Nullable ChangeLog changeLog, List<Integer> thumbnailWidths,
                       java.time.Clock clock) {
        this.root = root;
        this.articles = articles;
        this.changeLog = changeLog;
        this.thumbnailWidths = List.copyOf(thumbnailWidths);
        this.clock = clock;
    }

    public SearchIndex(Path root, ArticleStore articles) { this(root, articles, List.of(320), java.time.Clock.systemUTC()); }

    /** Indexes the photo library too (before {@link #start}), and answers its searches ({@link #photoIds}). */
    public SearchIndex withPhotos(org.masthead.media.MediaStore photos) {
        this.photos = photos;
        return this;
    }

    /** Searches a generation already built in {@code root}, with no SQL behind it (bench/search.sh measures the reader's path so). */
    static SearchIndex serving(Path root, String generation) throws IOException {
        var index = new SearchIndex(root, null, null, List.of(320), java.time.Clock.systemUTC());
        index.active = index.open(generation);
        return index;
    }

    /**
     * Opens the current generation and queues what changed since it was last written (a node that was down catches up);
     * a missing, unfinished or unreadable index is rebuilt from SQL on a background thread, search saying so meanwhile.
     */
    public synchronized void start() {
        try {
            Files.createDirectories(root);
            var name = current();
            Map<String, String> data = name == null ? null : completeCommit(root.resolve(name));
            removeOtherGenerations(data == null ? null : name);
            if (data != null) {
                active = open(name);
                catchUp(data);
                if (!pending.isEmpty()) nudge.run();
            } else {
                var fresh = newGenerationName();
                active = open(fresh);
                building.set(true);
                Thread.ofPlatform().name("search-rebuild").daemon().start(() -> buildInPlace(fresh));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + root, e);
        }
    }

    /** The commit data of a finished generation, or null when it is missing, cut short or unreadable. */
    private static @Nullable Map<String, String> completeCommit(Path dir) {
        if (!Files.isDirectory(dir)) return null;
        try (var probe = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(probe)) return null;
            try (var reader = DirectoryReader.open(probe)) { // a build cut short left no "complete" mark
                var data = reader.getIndexCommit().getUserData();
                return "true".equals(data.get("complete")) && SCHEMA.equals(data.get("schema")) ? data : null; // an older layout: built anew
            }
        } catch (IOException | RuntimeException e) {
            log.warn("search index in {} is unreadable ({}); rebuilding it", dir, e.getMessage());
            return null;
        }
    }

    private @Nullable String current() throws IOException {
        var file = root.resolve(CURRENT);
        if (!Files.isRegularFile(file)) return null;
        var name = Files.readString(file).strip();
        return name.matches("g[0-9]{1,19}") ? name : null;
    }

    /** Points searches at a finished generation: written aside, then moved over the old pointer in one step. */
    private void makeCurrent(String name) throws IOException {
        var tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name + "\n");
        Files.move(tmp, root.resolve(CURRENT), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A name after every generation in the folder: "g" and a number that only grows. */
    private String newGenerationName() throws IOException {
        long last = 0;
        try (var stream = Files.list(root)) {
            for (var f : stream.toList()) {
                var n = f.getFileName().toString();
                if (n.matches("g[0-9]{1,18}")) last = Math.max(last, Long.parseLong(n.substring(1)));
            }
        }
        return "g" + Math.max(last + 1, System.currentTimeMillis());
    }

    /** Leaves only {@code keep}; a folder another process is still writing (a reindex under way) is left alone. */
    private void removeOtherGenerations(@Nullable String keep) throws IOException {
        try (var stream = Files.list(root)) {
            for (var f : stream.toList()) {
                var n = f.getFileName().toString();
                if (n.equals(keep) || n.equals(CURRENT)) continue;
                if (Files.isDirectory(f) && n.startsWith("g")) {
                    if (locked(f)) continue;
                    deleteTree(f);
                } else if (!Files.isDirectory(f)) {
                    Files.deleteIfExists(f); // an older layout's files, or a pointer written half
                }
            }
        }
    }

    private static boolean locked(Path dir) {
        try (var d = FSDirectory.open(dir); var lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (var p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private Generation open(String name) throws IOException {
        var directory = FSDirectory.open(root.resolve(name));
        var writer = new IndexWriter(directory, writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        return new Generation(name, directory, writer, new SearcherManager(writer, null));
    }

    public boolean building() { return building.get(); }

    private volatile boolean closed;

    private void buildInPlace(String name) {
        try {
            var g = active;
            if (g == null || !g.name().equals(name)) return;
            long started = clock.millis();
            long seq = logSeq();
            fill(g.writer(), (done, total) -> { });
            synchronized (this) {
                indexedUntil = started;
                indexedSeq = seq;
                g.writer().setLiveCommitData(commitData(true));
                g.writer().commit();
                g.searchers().maybeRefreshBlocking();
                makeCurrent(name);
            }
            building.set(false);
            onRebuilt.run();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            log.info("the search index closed while it was being built; it is built again at the next start");
        } catch (IOException | RuntimeException e) {
            if (!closed) log.error("building the search index failed", e);
        } finally {
            building.set(false);
        }
    }

    private Iterable<Map.Entry<String, String>> commitData(boolean complete) {
        return Map.of("complete", String.valueOf(complete), "schema", SCHEMA, "indexed_until", String.valueOf(indexedUntil),
            "indexed_seq", String.valueOf(indexedSeq)).entrySet();
    }

    /**
     * Queues what changed after a generation was last written: the change log's events after its sequence number (and
     * those logged in the window before its last moment); when the log no longer reaches back that far (it keeps an hour)
     * or the generation has no number, every story SQL says was updated since, a little before.
     */
    private void catchUp(Map<String, String> data) {
        long since = Long.parseLong(data.getOrDefault("indexed_until", "0"));
        long seq = Long.parseLong(data.getOrDefault("indexed_seq", "0"));
        indexedUntil = since;
        indexedSeq = seq;
        replayedFromLog = changeLog != null && seq > 0 && changeLog.firstId() <= seq + 1;
        if (!replayedFromLog) {
            articles.listChangedSince(since - REPLAY_MARGIN_MILLIS).forEach(r -> pending.add(r.id()));
            allPhotosPending = photos != null; // photo edits carry no time of their own: the library is read again (small beside the stories)
            return;
        }
        long after = seq;
        var batch = changeLog.listAfter(after, since - SEQ_WINDOW_MILLIS, 1000);
        while (true) {
            for (var e : batch) {
                queue(e.change());
                after = Math.max(after, e.id());
            }
            if (batch.size() < 1000) break;
            batch = changeLog.listAfter(after, Long.MAX_VALUE, 1000);
        }
    }

    private volatile boolean replayedFromLog;

    /** Whether the last catch-up read the change log (rather than scanning SQL for stories updated since). */
    public boolean caughtUpFromChangeLog() { return replayedFromLog; }

    private long logSeq() { return changeLog == null ? 0 : changeLog.lastId(); }

    /**
     * Threads a rebuild reads and analyses stories on: half the cores (at least one), the rest left to the site it runs
     * beside; {@code ./masthead reindex --threads} sets another.
     */
    private int buildThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /** Indexes every story, in every status, from SQL into {@code writer}; {@code progress} hears (done, total). */
    private void fill(IndexWriter writer, Progress progress) throws IOException {
        indexed.set(0);
        toIndex.set(articles.count() + (photos == null ? 0 : photos.count()));
        progress.report(0, toIndex.get());
        var pool = buildThreads > 1
            ? java.util.concurrent.Executors.newFixedThreadPool(buildThreads, Thread.ofPlatform().name("search-build-", 0).daemon(true).factory()) : null;
        try {
            forEachIdPage(articles::listIds, ids -> { // a page at a time, its stories on every build thread; progress from this one
                inParallel(pool, ids, id -> {
                    var a = articles.find(id);
                    if (a.isPresent()) writer.updateDocument(new Term("id", String.valueOf(id)), document(a.get(), thumbnailWidths));
                    indexed.incrementAndGet();
                });
                progress.report(indexed.get(), toIndex.get());
            });
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        if (photos != null) forEachId(photos::listIds, id -> {
            indexPhoto(writer, id);
            progress.report(indexed.incrementAndGet(), toIndex.get());
        });
    }

    @FunctionalInterface
    private interface IdPage { List<Long> after(long afterId, int limit); }

    @FunctionalInterface
    private interface IdWork { void run(long id) throws IOException; }

    @FunctionalInterface
    private interface IdsWork { void run(List<Long> ids) throws IOException; }

    /** Every id a store lists, 500 to a read. */
    private static void forEachId(IdPage page, IdWork work) throws IOException {
        forEachIdPage(page, ids -> {
            for (long id : ids) work.run(id);
        });
    }

    private static void forEachIdPage(IdPage page, IdsWork work) throws IOException {
        for (long after = 0; ; ) {
            var ids = page.after(after, 500);
            work.run(ids);
            if (ids.size() < 500) return;
            after = ids.get(ids.size() - 1);
        }
    }

    /** {@code work} for each id on {@code pool}'s threads (here when null), returning when all are done; the first failure is thrown. */
    private static void inParallel(java.util.concurrent.@Nullable ExecutorService pool, List<Long> ids, IdWork work) throws IOException {
        if (pool == null) {
            for (long id : ids) work.run(id);
            return;
        }
        var done = new ArrayList<java.util.concurrent.Future<?>>(ids.size());
        for (long id : ids) done.add(pool.submit(() -> {
            work.run(id);
            return null;
        }));
        for (var f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the rebuild was interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IOException(e.getCause());
            }
        }
    }

    private void indexPhoto(IndexWriter writer, long id) throws IOException {
        var term = new Term("photo", String.valueOf(id));
        var p = photos == null ? java.util.Optional.<org.masthead.media.Photo>empty() : photos.find(id);
        if (p.isEmpty()) writer.deleteDocuments(term);
        else writer.updateDocument(term, photoDocument(p.get(), photos.sourceMetadata(id)));
    }

    /**
     * A library photo: its caption, credit, creator, copyright, alt text, title and the words of the file's own metadata
     * (keywords, places, names), in any language; what is missing, for the library's filters; newest first by id.
     */
    static Document photoDocument(org.masthead.media.Photo p, String sourceMetadataJson) {
        var d = new Document();
        d.add(new StringField("photo", String.valueOf(p.id()), Field.Store.YES));
        d.add(new StringField("kind", "photo", Field.Store.NO));
        d.add(hidden());
        var words = new StringBuilder(String.join("\n", p.caption(), p.credit(), p.creator(), p.copyright(), p.altText(), p.title()));
        try {
            metadataWords(JSON.readTree(sourceMetadataJson), words);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // unreadable metadata: the photo's own text still counts
        }
        d.add(new TextField("text", textAnalyzer("*").tokenStream("text", words.toString())));
        if (p.altText().isBlank()) d.add(new StringField("missing", "alt", Field.Store.NO));
        if (p.credit().isBlank()) d.add(new StringField("missing", "credit", Field.Store.NO));
        d.add(new NumericDocValuesField("photo_order", p.id()));
        return d;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static void metadataWords(com.fasterxml.jackson.databind.JsonNode node, StringBuilder out) {
        if (node.isValueNode()) out.append('\n').append(node.asText());
        else node.forEach(child -> metadataWords(child, out));
    }

    /**
     * The newsroom's photo search: ids newest first, each plain word also a prefix ("ref2021" finds "ref2021.1", as a
     * library's search box is expected to), {@code missing} ("alt", "credit" or null) narrowing it. Null while the index
     * builds, or with no library indexed: the caller asks SQL then, so a photo is never missing from a half-built index.
     */
    public @Nullable List<Long> photoIds(String rawQuery, @Nullable String missing, int limit, int offset) {
        var q = clip(rawQuery);
        if (q.isEmpty() || photos == null || active == null || building()) return null;
        try {
            followNow(); // the editor who just uploaded or captioned a photo finds it at once (a step already under way is waited for)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var words = new StringBuilder();
        var parts = QUERY_PARTS.matcher(q);
        while (parts.find()) {
            var w = parts.group();
            if (!words.isEmpty()) words.append(' ');
            var e = QueryParser.escape(w); // the word (stemmed, as stories are searched) or any word it begins
            words.append(w.matches("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}._'-]*") ? "(" + e + " OR " + e + "*)" : w);
        }
        record Counted(Query query, int count) {}
        return withSearcher(searcher -> {
            var matching = asWrittenFirst(q, exactPhrases -> {
                var b = new BooleanQuery.Builder().add(parse(words.toString(), exactPhrases, searcher.getIndexReader()), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("kind", "photo")), BooleanClause.Occur.FILTER);
                if (missing != null) b.add(new TermQuery(new Term("missing", missing)), BooleanClause.Occur.FILTER);
                var query = b.build();
                return new Counted(query, searcher.count(query));
            }, Counted::count);
            if (offset >= matching.count()) return List.<Long>of(); // a page past the end collects nothing
            var top = searcher.search(matching.query(), offset + limit, new Sort(new SortField("photo_order", SortField.Type.LONG, true)));
            var stored = searcher.storedFields();
            var ids = new ArrayList<Long>();
            for (int i = offset; i < top.scoreDocs.length; i++) ids.add(Long.parseLong(stored.document(top.scoreDocs[i].doc, java.util.Set.of("photo")).get("photo")));
            return List.copyOf(ids);
        });
    }

    /** A query's "phrases" (kept whole) and other words. */
    private static final java.util.regex.Pattern QUERY_PARTS = java.util.regex.Pattern.compile("\"[^\"]*\"?|\\S+");

    /** What a rebuild reports as it goes. */
    @FunctionalInterface
    public interface Progress {
        void report(long done, long total);
    }

    /**
     * Builds a new generation from SQL beside the one searches read, then makes it current: the site keeps serving
     * throughout (a running node takes it up within a second and indexes what changed meanwhile). What
     * {@code ./masthead reindex} runs, in or out of the serving process.
     */
    public static String rebuild(Path root, ArticleStore articles, org.masthead.article.@Nullable ChangeLog changeLog, List<Integer> thumbnailWidths,
                                 java.time.Clock clock, Progress progress) {
        return rebuild(root, articles, null, changeLog, thumbnailWidths, clock, progress);
    }

    /** The same, with the photo library (what the site and {@code ./masthead reindex} index). */
    public static String rebuild(Path root, ArticleStore articles, org.masthead.media.@Nullable MediaStore photos,
                                 org.masthead.article.@Nullable ChangeLog changeLog, List<Integer> thumbnailWidths, java.time.Clock clock, Progress progress) {
        return rebuild(root, articles, photos, changeLog, thumbnailWidths, clock, progress, 0);
    }

    /** The same on {@code threads} build threads (0: half the cores). */
    public static String rebuild(Path root, ArticleStore articles, org.masthead.media.@Nullable MediaStore photos,
                                 org.masthead.article.@Nullable ChangeLog changeLog, List<Integer> thumbnailWidths, java.time.Clock clock, Progress progress,
                                 int threads) {
        var index = new SearchIndex(root, articles, changeLog, thumbnailWidths, clock);
        index.photos = photos;
        if (threads > 0) index.buildThreads = threads;
        try {
            Files.createDirectories(root);
            var name = index.newGenerationName();
            long started = clock.millis();
            try (var directory = FSDirectory.open(root.resolve(name));
                 var writer = new IndexWriter(directory, writerConfig(index.analyzer, IndexWriterConfig.OpenMode.CREATE))) {
                long seq = index.logSeq();
                index.fill(writer, progress);
                index.indexedUntil = started;
                index.indexedSeq = seq;
                writer.setLiveCommitData(index.commitData(true));
                writer.commit();
            }
            index.makeCurrent(name);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds this node's index in a new generation while it keeps answering from the old one, and switches to it. */
    public void rebuild(Progress progress) {
        try {
            rebuild(root, articles, photos, changeLog, thumbnailWidths, clock, progress);
            adoptCurrent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes up a generation another process made current (a reindex), indexing what changed while it was built. */
    private synchronized void adoptCurrent() throws IOException {
        var g = active;
        if (g == null || closed) return;
        var name = current();
        if (name == null || name.equals(g.name())) return;
        var data = completeCommit(root.resolve(name));
        if (data == null || locked(root.resolve(name))) return;
        var next = open(name);
        catchUp(data);
        active = next;
        g.close();
        deleteTree(root.resolve(g.name()));
        followPending(next);
        onRebuilt.run();
    }

    private volatile Runnable onRebuilt = () -> { };

    /** Who to tell when a build or a reindex finishes (pages showing related stories render again). */
    public void onRebuilt(Runnable listener) { this.onRebuilt = listener; }

    private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Runnable nudge = () -> { };

    /** How to wake the job that indexes changed stories (the jobs runner's nudge). */
    public void nudgeWith(Runnable nudge) { this.nudge = nudge; }

    /**
     * The article event: the story is queued to be indexed again (its new status with it), by job "search-follow"
     * (woken at once, so within a second), never inside the save that announced it.
     */
    public void articleChanged(ArticleChanged change) {
        queue(change);
        nudge.run();
    }

    private void queue(ArticleChanged change) {
        var photo = change.photoId();
        if (photo == null) pending.add(change.articleId());
        else if (photos != null) pendingPhotos.add(photo);
    }

    private final java.util.Set<Long> pendingPhotos = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean allPhotosPending;

    /** Job step: takes up a generation a reindex finished, indexes the stories changed since the last step, then shows them to searches. */
    public synchronized void follow() throws IOException {
        adoptCurrent();
        var g = active;
        if (g == null || closed) return;
        followPending(g);
    }

    /** Indexes what is queued now, on the live generation (no look for a reindex's: that is the job step's). */
    private synchronized void followNow() throws IOException {
        var g = active;
        if (g != null && !closed) followPending(g);
    }

    private void followPending(Generation g) throws IOException {
        long started = clock.millis();
        if (pending.isEmpty() && pendingPhotos.isEmpty() && !allPhotosPending) {
            if (!building()) indexedUntil = started;
            return;
        }
        long seq = logSeq(); // read before the queue is taken: a later event is in the next step, or replayed at start
        if (!building()) indexedSeq = seq;

        var ids = new ArrayList<>(pending);
        pending.removeAll(ids);
        for (long id : ids) {
            var a = articles.find(id);
            if (a.isEmpty()) g.writer().deleteDocuments(new Term("id", String.valueOf(id)));
            else g.writer().updateDocument(new Term("id", String.valueOf(id)), document(a.get(), thumbnailWidths));
        }
        if (allPhotosPending && photos != null) {
            allPhotosPending = false;
            forEachId(photos::listIds, id -> indexPhoto(g.writer(), id));
        }
        var photoIds = new ArrayList<>(pendingPhotos);
        pendingPhotos.removeAll(photoIds);
        for (long id : photoIds) indexPhoto(g.writer(), id);
        g.searchers().maybeRefreshBlocking();
        if (!building()) indexedUntil = started;
    }

    /** Job step: makes what was indexed durable (search itself sees changes at once), with the moment it is complete up to. */
    public synchronized void commit() throws IOException {
        var g = active;
        if (g == null || closed || building()) return; // never commit half a build
        if (g.writer().hasUncommittedChanges() || !String.valueOf(indexedUntil).equals(committedUntil)) {
            g.writer().setLiveCommitData(commitData(true));
            g.writer().commit();
            committedUntil = String.valueOf(indexedUntil);
        }
    }

    private String committedUntil = "";

    static Document document(Article a, List<Integer> thumbnailWidths) {
        var d = new Document();
        var body = org.jsoup.Jsoup.parse(a.bodyHtml()).text();
        var captions = a.leadPhoto() == null ? "" : a.leadPhoto().caption() + " " + a.leadPhoto().credit();
        var bylines = String.join(", ", a.authors().stream().map(au -> au.displayName()).toList());
        var tags = String.join(" ", a.tags().stream().map(t -> t.name()).toList());
        d.add(new StringField("id", String.valueOf(a.id()), Field.Store.YES));
        d.add(new StringField("status", a.status().dbValue(), Field.Store.NO));
        if (a.status() != org.masthead.article.ArticleStatus.PUBLISHED) d.add(hidden());
        if (a.createdBy() != null) d.add(new StringField("owner", String.valueOf(a.createdBy()), Field.Store.NO));
        d.add(new StoredField("path", a.path()));
        d.add(new StoredField("headline", a.headline()));
        d.add(new StoredField("body", body)); // for snippets only: searches read "text", the highlighter analyzes this again
        // The headline three times over: its words count for more (BM25's term frequency), in the one field a query reads,
        // so each word is one scorer whose impacts let Lucene skip stories that cannot reach the top ten (a boosted headline
        // field beside it made every word a two-field disjunction, scored for every match).
        var all = String.join("\n", a.headline(), a.headline(), a.headline(), a.dek(), body, bylines, a.section().name(), tags, captions, a.dateline());
        var language = a.language().isEmpty() ? "" : a.language().toLowerCase(java.util.Locale.ROOT);
        d.add(new TextField("text", textAnalyzer(language).tokenStream("text", all)));
        d.add(new StringField("language", language, Field.Store.NO));
        d.add(new StringField("section", a.section().slug(), Field.Store.NO));
        d.add(new StoredField("section_name", a.section().name()));
        for (var au : a.authors()) d.add(new StringField("author", au.slug(), Field.Store.NO));
        for (var t : a.tags()) d.add(new StringField("tag", t.slug(), Field.Store.NO));
        d.add(new StoredField("byline", bylines));
        if (a.leadPhoto() != null) {
            var p = a.leadPhoto();
            d.add(new StoredField("thumb", p.src(thumbnailWidths, 320)));
            d.add(new StoredField("thumb_w", p.width()));
            d.add(new StoredField("thumb_h", p.height()));
        }
        long published = a.publishedAt() == null ? a.updatedAt() : a.publishedAt();
        d.add(new LongPoint("published_at", published));
        d.add(new NumericDocValuesField("published", published));
        d.add(new StoredField("published", published));
        d.add(new LongPoint("updated_at", a.updatedAt()));
        return d;
    }

    /**
     * On every document a reader may not see (a story not published, a library photo): readers' queries exclude these few,
     * cheaper than requiring "published" of every match, which would walk a postings list as long as the index.
     */
    private static StringField hidden() { return new StringField("hidden", "1", Field.Store.NO); }
    private static final Query NOT_FOR_READERS = new TermQuery(new Term("hidden", "1"));

    /** What a reader may filter on. Null or blank: no filter. */
    public record Filters(@Nullable String section, @Nullable String author, @Nullable String tag, @Nullable Long from, @Nullable Long to, boolean newest) {
        public static final Filters NONE = new Filters(null, null, null, null, null, false);
    }

    /** A user's query: phrases, prefixes and exclusions as Lucene's classic syntax has them, any term required; junk read as plain words. */
    Query parse(String q) { return parse(q, true, null); }

    /**
     * {@code exactPhrases}: a "phrase" is its words as written (folded), never their stems: exact, and one term a position,
     * so Lucene can skip. Otherwise each word of it also stands for its other forms (what a phrase no story has as written
     * is searched with again). With {@code reader}, a word's forms no story holds are left out (a synonym of one term
     * is that term's own query, which Lucene skips through by its impacts; one with an absent form was scored for every match).
     */
    Query parse(String q, boolean exactPhrases, org.apache.lucene.index.@Nullable IndexReader reader) {
        var parser = new QueryParser("text", analyzer) {
            @Override
            protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
                return quoted && exactPhrases ? newFieldQuery(textAnalyzer("und"), field, queryText, true) : super.getFieldQuery(field, queryText, quoted);
            }

            @Override
            protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
                if (reader == null) return super.newSynonymQuery(field, terms);
                var held = java.util.Arrays.stream(terms).filter(t -> held(reader, new Term(field, t.term()))).toArray(TermAndBoost[]::new);
                if (held.length == 0) return new TermQuery(new Term(field, terms[0].term()));
                if (held.length == 1) return new TermQuery(new Term(field, held[0].term()));
                return super.newSynonymQuery(field, held);
            }
        };
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

    private static String clip(@Nullable String rawQuery) {
        var q = rawQuery == null ? "" : rawQuery.strip();
        return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }

    /** The reader's query with its filters: published stories only. */
    Query readerQuery(String q, Filters filters, org.apache.lucene.index.@Nullable IndexReader reader) { return readerQuery(q, filters, true, reader); }

    private Query readerQuery(String q, Filters filters, boolean exactPhrases, org.apache.lucene.index.@Nullable IndexReader reader) {
        var b = new BooleanQuery.Builder().add(parse(q, exactPhrases, reader), BooleanClause.Occur.MUST).add(NOT_FOR_READERS, BooleanClause.Occur.MUST_NOT);
        if (filters.section() != null && !filters.section().isBlank()) b.add(new TermQuery(new Term("section", filters.section())), BooleanClause.Occur.FILTER);
        if (filters.author() != null && !filters.author().isBlank()) b.add(new TermQuery(new Term("author", filters.author())), BooleanClause.Occur.FILTER);
        if (filters.tag() != null && !filters.tag().isBlank()) b.add(new TermQuery(new Term("tag", filters.tag())), BooleanClause.Occur.FILTER);
        if (filters.from() != null || filters.to() != null) {
            b.add(LongPoint.newRangeQuery("published_at", filters.from() == null ? Long.MIN_VALUE : filters.from(),
                filters.to() == null ? Long.MAX_VALUE : filters.to()), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** {@code query}, its relevance plus the recency term (see {@link #HALF_LIFE_DAYS}). */
    static Query recent(Query query, long now) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
            .add(new RecencyQuery("published", RECENCY_WEIGHT, now, (long) (HALF_LIFE_DAYS * 86_400_000L)), BooleanClause.Occur.SHOULD).build();
    }

    /** Runs {@code work} on a current searcher (again on the new one if a reindex switched generations under it). */
    private <T> T withSearcher(SearcherWork<T> work) {
        for (int attempt = 0; ; attempt++) {
            var g = active;
            if (g == null) throw new IllegalStateException("the search index is not open");
            IndexSearcher searcher;
            try {
                searcher = g.searchers().acquire();
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                if (attempt < 3) continue;
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return work.run(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    g.searchers().release(searcher);
                } catch (IOException | org.apache.lucene.store.AlreadyClosedException ignored) {
                    // released on close anyway
                }
            }
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Thrown by {@link #search} when the node's search budget is spent: the caller answers 503 with Retry-After. */
    public static final class Busy extends RuntimeException {
        Busy() { super("search is busy", null, false, false); }
    }

    /** Searches at once (half the cores, at least one) and per second, node-wide: a flood leaves the rest of the CPU to pages. */
    private final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);
    private volatile long spacingNanos = 1_000_000_000L / (25L * Runtime.getRuntime().availableProcessors());
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime() - BURST_NANOS); // a node starts with its whole burst

    private static final long BURST_NANOS = 2_000_000_000L;

    /** At most {@code perSecond} reader searches a second on this node (bursts of two seconds' worth). */
    public void limitTo(int perSecond) { spacingNanos = 1_000_000_000L / Math.max(1, perSecond); }

    /** No budget at all (bench/search.sh measures the engine itself, not the node's protection). */
    void unbounded() {
        spacingNanos = 0;
        running.release(10_000);
    }

    /** Whether the budget is spent right now (a look, taking nothing): the cheapest refusal, before anything else is read. */
    public boolean busy() { return nextSlot.get() > System.nanoTime(); }

    /** A leaky bucket: whether a search may start now. */
    private boolean budget() {
        long now = System.nanoTime();
        while (true) {
            long slot = nextSlot.get();
            long start = Math.max(slot, now - BURST_NANOS);
            if (start > now) return false;
            if (nextSlot.compareAndSet(slot, start + spacingNanos)) return true;
        }
    }

    /** A reader's search, within the node's budget ({@link Busy} when it is spent, before any work is done). */
    public Results search(String rawQuery, Filters filters, int page, long now) {
        if (clip(rawQuery).isEmpty() || active == null) return searchNow(rawQuery, filters, page, now); // the empty form: no work, no budget
        if (!budget()) throw new Busy();
        try {
            if (!running.tryAcquire(250, java.util.concurrent.TimeUnit.MILLISECONDS)) throw new Busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return searchNow(rawQuery, filters, page, now);
        } finally {
            running.release();
        }
    }

    private Results searchNow(String rawQuery, Filters filters, int page, long now) {
        var q = clip(rawQuery);
        int p = Math.max(1, Math.min(page, MAX_PAGE));
        if (q.isEmpty() || active == null) return new Results(0, true, List.of(), p, building(), indexed.get(), toIndex.get(), "");
        return withSearcher(searcher -> {
            int want = p * PAGE_SIZE;
            record Ran(org.apache.lucene.search.TopDocs top, boolean exactPhrases) {}
            var ran = asWrittenFirst(q, exactPhrases -> new Ran(top(searcher, recent(readerQuery(q, filters, exactPhrases, searcher.getIndexReader()), now),
                want, filters.newest()), exactPhrases), r -> r.top().totalHits.value());
            var top = ran.top();
            Query words = parse(q, ran.exactPhrases(), null); // what to highlight: the reader's words (the filters are not in the snippet's text)
            var highlighter = UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withFieldMatcher(f -> true).withMaxLength(20_000).withBreakIterator(SentenceBreaks::new).build();
            var snippets = highlighter.highlight("body", words, top, 2);
            var items = new ArrayList<Hit>();
            var stored = searcher.storedFields();
            for (int i = (p - 1) * PAGE_SIZE; i < top.scoreDocs.length; i++) {
                var doc = stored.document(top.scoreDocs[i].doc, HIT_FIELDS); // the body is the highlighter's, read once
                var snippet = snippets[i];
                if (snippet == null) {
                    var body = stored.document(top.scoreDocs[i].doc, java.util.Set.of("body")).get("body");
                    snippet = org.jsoup.nodes.Entities.escape(body.length() > 240 ? body.substring(0, 240) + "…" : body);
                }
                var thumb = doc.get("thumb");
                items.add(new Hit(Long.parseLong(doc.get("id")), doc.get("path"), doc.get("headline"), doc.get("section_name"), doc.get("byline"),
                    snippet, doc.getField("published").numericValue().longValue(), thumb == null ? "" : thumb,
                    thumb == null ? 0 : doc.getField("thumb_w").numericValue().intValue(), thumb == null ? 0 : doc.getField("thumb_h").numericValue().intValue()));
            }
            long total = top.totalHits.value();
            var suggestion = total == 0 && p == 1 ? suggest(searcher, q, filters) : "";
            boolean exact = top.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO;
            return new Results(total, exact, List.copyOf(items), p, building(), indexed.get(), toIndex.get(), suggestion);
        });
    }

    private static boolean held(org.apache.lucene.index.IndexReader reader, Term term) {
        try {
            return reader.docFreq(term) > 0;
        } catch (IOException e) {
            return true; // unsure: keep the form
        }
    }

    @FunctionalInterface
    private interface PhraseSearch<T> {
        T run(boolean exactPhrases) throws IOException;
    }

    /**
     * {@code search} with the query's phrases as written; when that finds nothing ({@code hits} 0) and the query has a
     * "phrase", again with their words' other forms. Readers', the newsroom's and the library's searches alike.
     */
    private static <T> T asWrittenFirst(String q, PhraseSearch<T> search, java.util.function.ToLongFunction<T> hits) throws IOException {
        var found = search.run(true);
        return hits.applyAsLong(found) == 0 && q.indexOf('"') >= 0 ? search.run(false) : found;
    }

    private static org.apache.lucene.search.TopDocs top(IndexSearcher searcher, Query query, int want, boolean newest) throws IOException {
        return newest ? searcher.search(query, want, NEWEST_FIRST) : searcher.search(query, want);
    }

    /** What a result shows, read from the index (the body only when no snippet was found in it). */
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of("id", "path", "headline", "section_name", "byline", "published", "thumb", "thumb_w", "thumb_h");

    /**
     * "Did you mean": each plain word respelled to a more common term of the index within two edits, kept only when
     * the respelled query finds published stories (so a word only a draft or a taken-down story holds is never offered).
     */
    private String suggest(IndexSearcher searcher, String q, Filters filters) throws IOException {
        var spell = new org.apache.lucene.search.spell.DirectSpellChecker();
        var reader = searcher.getIndexReader();
        var out = new StringBuilder();
        boolean changed = false;
        for (var word : q.split("\\s+")) {
            if (!out.isEmpty()) out.append(' ');
            if (!word.matches("[\\p{L}\\p{M}\\p{N}]{3,40}")) { // operators, phrases, prefixes: as typed
                out.append(word);
                continue;
            }
            var term = new Term("text", analyzer.normalize("text", word).utf8ToString());
            var found = java.util.Arrays.stream(spell.suggestSimilar(term, 5, reader, org.apache.lucene.search.spell.SuggestMode.SUGGEST_MORE_POPULAR))
                .map(w -> w.string).filter(w -> w.charAt(0) != STEM).findFirst(); // words, never stems
            if (found.isEmpty()) {
                out.append(word);
            } else {
                out.append(found.get());
                changed = true;
            }
        }
        if (!changed) return "";
        var respelled = out.toString();
        return searcher.count(readerQuery(respelled, filters, searcher.getIndexReader())) > 0 ? respelled : "";
    }

    /**
     * Up to {@code n} published stories most like {@code a}: the distinctive words of its headline and text, its tags
     * counting double, each story's score decayed by age like search's; never the story itself.
     */
    public List<Long> related(Article a, int n, long now) {
        if (active == null || building()) return List.of();
        return withSearcher(searcher -> {
            var mlt = new org.apache.lucene.queries.mlt.MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {"text"});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(25);
            mlt.setStopWords(STOP_WORDS); // "the", "في": in every story, they would make any two alike
            if (searcher.getIndexReader().numDocs() >= 50) mlt.setMaxDocFreqPct(20);
            var text = a.headline() + "\n" + a.headline() + "\n" + a.dek() + "\n" + org.jsoup.Jsoup.parse(a.bodyHtml()).text();
            var like = new BooleanQuery.Builder().add(mlt.like("text", new java.io.StringReader(text)), BooleanClause.Occur.SHOULD);
            for (var t : a.tags()) like.add(new org.apache.lucene.search.BoostQuery(new TermQuery(new Term("tag", t.slug())), 2f), BooleanClause.Occur.SHOULD);
            var q = new BooleanQuery.Builder().add(like.build(), BooleanClause.Occur.MUST).add(NOT_FOR_READERS, BooleanClause.Occur.MUST_NOT)
                .add(new TermQuery(new Term("id", String.valueOf(a.id()))), BooleanClause.Occur.MUST_NOT).build();
            var top = searcher.search(FunctionScoreQuery.boostByValue(q, new Recency(now)), n);
            var stored = searcher.storedFields();
            var ids = new ArrayList<Long>();
            for (var sd : top.scoreDocs) ids.add(Long.parseLong(stored.document(sd.doc, java.util.Set.of("id")).get("id")));
            return List.copyOf(ids);
        });
    }

    /** The newsroom's search: every status; {@code owner} non-null limits it to that user's stories (a contributor's view). */
    public record NewsroomResults(long total, List<Long> ids) {}

    public NewsroomResults searchNewsroom(String rawQuery, @Nullable String status, @Nullable String sectionSlug, @Nullable Long owner, int limit, int offset) {
        var q = clip(rawQuery);
        if (q.isEmpty() || active == null) return new NewsroomResults(0, List.of());
        return withSearcher(searcher -> {
            var top = asWrittenFirst(q, exactPhrases -> {
                var b = new BooleanQuery.Builder().add(parse(q, exactPhrases, searcher.getIndexReader()), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("kind", "photo")), BooleanClause.Occur.MUST_NOT);
                if (status != null) b.add(new TermQuery(new Term("status", status)), BooleanClause.Occur.FILTER);
                if (sectionSlug != null) b.add(new TermQuery(new Term("section", sectionSlug)), BooleanClause.Occur.FILTER);
                if (owner != null) b.add(new TermQuery(new Term("owner", String.valueOf(owner))), BooleanClause.Occur.FILTER);
                return searcher.search(recent(b.build(), clock.millis()),
                    new org.apache.lucene.search.TopScoreDocCollectorManager(Math.max(1, offset + limit), Integer.MAX_VALUE)); // an exact count for the pager
            }, t -> t.totalHits.value());
            var stored = searcher.storedFields();
            var ids = new ArrayList<Long>();
            for (int i = offset; i < top.scoreDocs.length; i++) ids.add(Long.parseLong(stored.document(top.scoreDocs[i].doc, java.util.Set.of("id")).get("id")));
            return new NewsroomResults(top.totalHits.value(), List.copyOf(ids));
        });
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
            var g = active;
            if (g != null) g.close();
        } catch (IOException | RuntimeException e) {
            log.warn("closing the search index: {}", e.getMessage());
        }
    }
}
