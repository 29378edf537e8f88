package org.masthead.http;

/** Receives view beacons from the fast lane: the raw body and what identifies the sender. */
@FunctionalInterface
public interface Beacons {
    void accept(String body, String userAgent, String purpose, String address);
}
