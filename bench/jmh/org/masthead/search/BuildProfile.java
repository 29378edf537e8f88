package org.masthead.search;

import java.util.List;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Where the index build's time goes, one thread, in memory: generating the synthetic story, taking its text out of the HTML
 * (jsoup), Masthead's document, and two floors: the same text in one field folded only, and split on spaces only
 * (Lucene's cheapest inversion). Run: {@code source bench/jmh-classpath.sh; java -cp "$CP" org.masthead.search.BuildProfile 20000}.
 */
public final class BuildProfile {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        SearchBench.vocabulary();
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime(); long sink = 0;
            for (int i = 0; i < n; i++) sink += SearchBench.article(i).bodyHtml().length();
            report("generate", n, t);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) sink += org.jsoup.Jsoup.parse(SearchBench.article(i).bodyHtml()).text().length();
            report("generate+jsoup", n, t);
            for (var mode : List.of("masthead", "folded-only", "whitespace-only")) {
                var analyzer = mode.equals("whitespace-only") ? new org.apache.lucene.analysis.core.WhitespaceAnalyzer() : SearchIndex.analyzer();
                try (var dir = new ByteBuffersDirectory(); var w = new IndexWriter(dir, SearchIndex.writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE))) {
                    t = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        var a = SearchBench.article(i);
                        if (mode.equals("masthead")) w.addDocument(SearchIndex.document(a, List.of(320)));
                        else {
                            var d = new Document();
                            var body = org.jsoup.Jsoup.parse(a.bodyHtml()).text();
                            d.add(new TextField("text", a.headline() + "\n" + a.dek() + "\n" + body, Field.Store.NO));
                            w.addDocument(d);
                        }
                    }
                    w.commit();
                    report("index " + mode, n, t);
                }
            }
            if (sink == 42) System.out.println();
        }
    }
    static void report(String what, int n, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-28s %8.0f docs/s (%.1f µs/doc)%n", what, n / s, s * 1e6 / n);
    }
}
