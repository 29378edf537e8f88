package org.masthead.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Each bench query's median time, slowest first, on an index bench/search.sh kept ({@code BENCH_KEEP}): where the p95 comes
 * from, and how much of it is matching (the rest: snippets and stored fields). Run: {@code source bench/jmh-classpath.sh; java -cp "$CP" org.masthead.search.QueryProfile /work/bench-keep [runs]}.
 */
public final class QueryProfile {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        SearchBench.vocabulary();
        var rows = new ArrayList<String>();
        var root = Path.of(args[0]).resolve("lucene");
        try (var index = SearchIndex.serving(root, "g1"); var dir = org.apache.lucene.store.FSDirectory.open(root.resolve("g1"));
             var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            var searcher = new org.apache.lucene.search.IndexSearcher(reader);
            index.unbounded();
            var queries = SearchBench.queries();
            for (int warm = 0; warm < 5; warm++) for (var q : queries) search(index, q);
            for (var q : queries) {
                var times = new double[runs];
                var matching = new double[runs];
                var query = SearchIndex.recent(index.readerQuery(q.text(), new SearchIndex.Filters(q.section(), null, null, null, null, false), reader), SearchBench.now);
                org.apache.lucene.search.TopDocs top = null;
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    search(index, q);
                    times[i] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    top = searcher.search(query, 10);
                    matching[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(times);
                Arrays.sort(matching);
                rows.add(String.format("%8.2f ms (matching %6.2f ms, %s%,d hits)  %-30s %s", times[runs / 2], matching[runs / 2],
                    top.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO ? "" : "≥", top.totalHits.value(),
                    q.text(), q.section() == null ? "" : "section " + q.section()));
            }
        }
        rows.sort(java.util.Comparator.reverseOrder());
        rows.forEach(System.out::println);
    }

    static int search(SearchIndex index, SearchBench.BenchQuery q) {
        return index.search(q.text(), new SearchIndex.Filters(q.section(), null, null, null, null, false), 1, SearchBench.now).items().size();
    }

    private QueryProfile() {}
}
