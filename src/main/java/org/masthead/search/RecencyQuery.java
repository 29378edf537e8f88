package org.masthead.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.Weight;

/**
 * News decays: {@code weight × pivot / (pivot + |now − published|)} for every document with a "published" value, the
 * score Lucene's distance feature query gives, with maximum scores that know the index is sorted newest first
 * ({@link SearchIndex#NEWEST_FIRST}). From any document on, no later one is newer, so the most a stretch of documents can
 * gain is what its first one gains: a year back the term adds at most a tenth of its weight, and the words' own impacts
 * let Lucene skip the old stories that cannot reach the top ten. (The distance feature query claims its full weight for
 * every stretch, so every match was scored.) On a segment not sorted so, it claims its full weight, as that query does.
 */
final class RecencyQuery extends Query {
    private final String field;
    private final float weight;
    private final long now;
    private final double pivot;

    RecencyQuery(String field, float weight, long now, long pivotMillis) {
        this.field = field;
        this.weight = weight;
        this.now = now;
        this.pivot = pivotMillis;
    }

    float scoreAt(long published) {
        double distance = Math.abs((double) now - published);
        return (float) (weight * pivot / (pivot + distance));
    }

    /** The most any document from one published at {@code newest} on can gain, the index newest first. */
    private float maxFrom(long newest) { return newest >= now ? weight : scoreAt(newest); }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public org.apache.lucene.search.ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
                var values = ctx.reader().getNumericDocValues(field);
                if (values == null) return null;
                boolean sorted = SearchIndex.NEWEST_FIRST.equals(ctx.reader().getMetaData().sort());
                return new Weight.DefaultScorerSupplier(new RecencyScorer(values, sorted ? ctx : null, boost));
            }

            @Override
            public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
                var values = DocValues.getNumeric(ctx.reader(), field);
                if (!values.advanceExact(doc)) return Explanation.noMatch("no " + field + " value");
                return Explanation.match(boost * scoreAt(values.longValue()), "recency: weight × pivot / (pivot + |now − " + field + "|)");
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) { return false; }
        };
    }

    private final class RecencyScorer extends Scorer {
        private final NumericDocValues values;
        /** Non-null when the segment is sorted newest first: where the maximum scores are read. */
        private final LeafReaderContext sortedLeaf;
        private final float boost;
        private NumericDocValues ahead;
        private int aheadFrom = Integer.MAX_VALUE;
        private int shallowTarget = -1;

        RecencyScorer(NumericDocValues values, LeafReaderContext sortedLeaf, float boost) {
            this.values = values;
            this.sortedLeaf = sortedLeaf;
            this.boost = boost;
        }

        @Override public int docID() { return values.docID(); }

        @Override public DocIdSetIterator iterator() { return values; }

        @Override public float score() throws IOException { return boost * scoreAt(values.longValue()); }

        @Override
        public int advanceShallow(int target) {
            shallowTarget = target;
            return DocIdSetIterator.NO_MORE_DOCS; // one bound for all that follows, read where it starts
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            if (sortedLeaf == null) return boost * weight;
            int from = Math.max(0, Math.max(shallowTarget, docID()));
            if (from < aheadFrom) ahead = sortedLeaf.reader().getNumericDocValues(field); // a look back: a fresh iterator
            aheadFrom = from;
            int doc = ahead.docID() >= from ? ahead.docID() : ahead.advance(from); // the first document from there with a value
            if (doc == DocIdSetIterator.NO_MORE_DOCS || doc > upTo) return 0;
            return boost * maxFrom(ahead.longValue());
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) visitor.visitLeaf(this);
    }

    @Override
    public String toString(String f) { return "recency(" + field + ", weight " + weight + ", pivot " + (long) pivot + " ms)"; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyQuery r && r.field.equals(field) && r.weight == weight && r.now == now && r.pivot == pivot;
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(field, weight, now, pivot); }
}
