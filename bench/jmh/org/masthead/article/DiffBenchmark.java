package org.masthead.article;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 9's target: a word diff of two 5,000-word revisions under 50 ms. The second revision edits
 * about one word in fifty (replacements, insertions, a moved paragraph), as a copy editor's pass does.
 * Run: bench/diff.sh
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DiffBenchmark {
    String before;
    String after;

    @Setup
    public void make() {
        var random = new Random(2026);
        var words = new String[5_000];
        for (int i = 0; i < words.length; i++) words[i] = "w" + random.nextInt(3_000);
        var edited = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i % 50 == 7) edited.append("changed").append(i).append(' ');
            else if (i % 97 == 3) edited.append(words[i]).append(" inserted ");
            else edited.append(words[i]).append(' ');
        }
        before = "<p>" + String.join(" ", words) + "</p>";
        after = "<p>" + edited.substring(2_000) + edited.substring(0, 2_000) + "</p>"; // and a paragraph moved to the end
    }

    @Benchmark
    public Object wordDiff() {
        return Revisions.words(Revisions.text("bodyHtml", before), Revisions.text("bodyHtml", after));
    }
}
