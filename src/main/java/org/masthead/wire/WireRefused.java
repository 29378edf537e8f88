package org.masthead.wire;

/** An item the queue does not take, and why (shown to whoever sent it). */
public final class WireRefused extends Exception {
    public WireRefused(String reason) { super(reason); }
}
