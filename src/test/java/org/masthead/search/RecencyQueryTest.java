package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The recency term over an index sorted newest first: the same scores as Lucene's distance feature query, the same top
 * ten as scoring every match, yet old stories that cannot reach the top ten skipped (the count then a lower bound).
 */
class RecencyQueryTest {
    static final long NOW = 1_800_000_000_000L;
    static final long DAY = 86_400_000L;
    static final String[] WORDS = {"harbour", "ferry", "council", "flood", "budget", "school", "rail", "storm", "court", "vote"};

    /** {@code n} stories over ten years (a few dated tomorrow, a few without a date, as photos are), in several segments. */
    static ByteBuffersDirectory index(int n, IndexWriterConfig config) throws Exception {
        var dir = new ByteBuffersDirectory();
        var r = new Random(42);
        try (var w = new IndexWriter(dir, config)) {
            for (int i = 0; i < n; i++) {
                var d = new Document();
                var text = new StringBuilder();
                int length = 20 + r.nextInt(200);
                for (int k = 0; k < length; k++) text.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * 3)]).append(' ');
                d.add(new TextField("text", text.toString(), Field.Store.NO));
                d.add(new StoredField("n", i));
                if (i % 97 != 0) {
                    long published = i % 101 == 0 ? NOW + DAY : NOW - (long) (r.nextDouble() * 3650 * DAY);
                    d.add(new NumericDocValuesField("published", published));
                    d.add(new LongField("recency", published, Field.Store.NO));
                }
                w.addDocument(d);
                if (i % 1500 == 1499) w.commit();
            }
        }
        return dir;
    }

    static Query words(String... words) {
        var b = new BooleanQuery.Builder();
        for (var w : words) b.add(new TermQuery(new Term("text", w)), BooleanClause.Occur.MUST);
        return b.build();
    }

    /** Every match scored: no skipping. */
    static TopDocs exhaustive(IndexSearcher searcher, Query q) throws Exception {
        return searcher.search(q, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
    }

    static int[] docs(TopDocs top) { return Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray(); }

    @Test
    void the_top_ten_is_the_one_scoring_every_match_would_give_yet_old_stories_are_skipped_issue_12() throws Exception {
        var config = SearchIndex.writerConfig(new org.apache.lucene.analysis.standard.StandardAnalyzer(), IndexWriterConfig.OpenMode.CREATE);
        try (var dir = index(20_000, config); var reader = DirectoryReader.open(dir)) {
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            assertThat(reader.leaves().getFirst().reader().getMetaData().sort()).isEqualTo(SearchIndex.NEWEST_FIRST);
            var searcher = new IndexSearcher(reader);
            boolean skipped = false;
            for (var q : new Query[] {words("harbour"), words("ferry"), words("council", "harbour"), words("rail"), words("vote")}) {
                var query = SearchIndex.recent(q, NOW);
                var fast = searcher.search(query, 10);
                var all = exhaustive(searcher, query);
                assertThat(docs(fast)).as(q.toString()).containsExactly(docs(all));
                for (int i = 0; i < 10; i++) assertThat(fast.scoreDocs[i].score).isEqualTo(all.scoreDocs[i].score);
                // the same scores as the distance feature query (what the index used before it was sorted)
                var reference = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(LongField.newDistanceFeatureQuery("recency",
                    SearchIndex.RECENCY_WEIGHT, NOW, (long) (SearchIndex.HALF_LIFE_DAYS * DAY)), BooleanClause.Occur.SHOULD).build();
                var expected = exhaustive(searcher, reference);
                for (int i = 0; i < 10; i++) assertThat(all.scoreDocs[i].score).isCloseTo(expected.scoreDocs[i].score, within(1e-4f));
                if (fast.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO && fast.totalHits.value() < all.totalHits.value()) skipped = true;
            }
            assertThat(skipped).as("some query skipped stories that could not reach its top ten").isTrue();
        }
    }

    @Test
    void on_an_index_not_sorted_newest_first_the_term_claims_its_full_weight_and_still_ranks_the_same_issue_12() throws Exception {
        try (var dir = index(5_000, new IndexWriterConfig(new org.apache.lucene.analysis.standard.StandardAnalyzer())); var reader = DirectoryReader.open(dir)) {
            var searcher = new IndexSearcher(reader);
            for (var q : new Query[] {words("harbour"), words("storm", "court")}) {
                var query = SearchIndex.recent(q, NOW);
                assertThat(docs(searcher.search(query, 10))).containsExactly(docs(exhaustive(searcher, query)));
            }
        }
    }
}
