package org.masthead.popularity;

import org.masthead.http.Beacons;

/**
 * {@code POST /_/view} with {@code id=<article id>}, sent by navigator.sendBeacon from article pages
 * (so views count behind page caches). Answered 204 at once by the fast lane; this only parses.
 */
public final class ViewBeacon implements Beacons {
    private final Popularity popularity;

    public ViewBeacon(Popularity popularity) { this.popularity = popularity; }

    @Override
    public void accept(String body, String userAgent, String purpose, String address) {
        long id = idFrom(body);
        if (id > 0) popularity.beacon(id, userAgent, purpose, address);
    }

    /** The id from a form-encoded body ("id=123"); 0 when absent or malformed. */
    static long idFrom(String body) {
        if (body == null || body.length() > 200) return 0;
        for (var part : body.split("&")) {
            if (part.startsWith("id=")) {
                try {
                    return Long.parseLong(part.substring(3).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
