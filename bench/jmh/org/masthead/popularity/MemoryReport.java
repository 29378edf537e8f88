package org.masthead.popularity;

import java.lang.management.ManagementFactory;

/**
 * Heap used by the popularity engine with 1,000,000 published articles that all have views:
 * after loading them, after one view each (all in the pending buffer), and after the flush.
 * Run by bench/jmh.sh; prints MB of live heap after a full GC.
 */
public final class MemoryReport {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        report("empty JVM with the app's classes", null);
        long t0 = System.nanoTime();
        var data = new BenchData(n, 2_000_000);
        report("after loading " + n + " published articles (" + (System.nanoTime() - t0) / 1_000_000 + " ms)", data);
        var ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.%d Safari/537.36";
        t0 = System.nanoTime();
        long counted = 0;
        for (int i = 1; i <= n; i++) {
            if (data.popularity.beacon(i, String.format(ua, i % 5000), null, "10.0." + (i % 250) + "." + (i % 200)) == Popularity.Outcome.COUNTED) counted++;
        }
        report("after one view of each (" + counted + " counted, " + (System.nanoTime() - t0) / 1_000_000 + " ms)", data);
        t0 = System.nanoTime();
        data.popularity.tick();
        report("after flush + rankings (" + (System.nanoTime() - t0) / 1_000_000 + " ms)", data);
        data.db.close();
    }

    static void report(String what, Object keepAlive) {
        System.gc();
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("%-70s %6.1f MB live heap%n", what, heap.getUsed() / 1048576.0);
        if (keepAlive != null && keepAlive.hashCode() == 42) System.out.print("");
    }
}
