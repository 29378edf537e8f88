package org.masthead.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Distinct, ordinary browser User-Agents: each is a different reader to the view de-duplication. */
public final class Visitors {
    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    private Visitors() {}

    public static String userAgent(int n) {
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0." + n + " Safari/537.36";
    }

    /** A User-Agent no other visitor in this JVM has used. */
    public static String fresh() { return userAgent(NEXT.incrementAndGet()); }
}
