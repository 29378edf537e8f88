package org.masthead.popularity;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The view path without HTTP, two threads (the machine's cores): the raw counter, and a whole beacon
 * (bot filter, reader de-duplication, rate limit, counter) for a new reader every time (the worst case).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Threads(2)
@State(Scope.Benchmark)
public class CounterBenchmark {
    static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.%d Safari/537.36";
    ViewCounter counter;
    BenchData data;
    String[] agents;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        counter = new ViewCounter(2_000_000);
        data = new BenchData(1000, 2_000_000);
        agents = new String[1 << 16];
        for (int i = 0; i < agents.length; i++) agents[i] = String.format(UA, i);
    }

    @TearDown(Level.Iteration)
    public void drain() { counter.drain(System.currentTimeMillis() / 60_000); }

    @TearDown(Level.Trial)
    public void close() { data.db.close(); }

    @Benchmark
    public boolean counterAdd() {
        return counter.add(ThreadLocalRandom.current().nextInt(1, 1001), System.currentTimeMillis() / 60_000);
    }

    @Benchmark
    public Popularity.Outcome beaconNewReader() {
        var r = ThreadLocalRandom.current();
        // A new address each time: every call is a reader the tables have not seen (no repeat folding).
        return data.popularity.beacon(r.nextInt(1, 1001), agents[r.nextInt(agents.length)], null, "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256));
    }
}
