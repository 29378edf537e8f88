package org.masthead.http;

/**
 * The one owner of Cache-Control values (docs/caching.md): every response states one of these.
 * Shared caches may keep public ones; private ones and errors are never stored anywhere.
 */
public final class CacheControl {
    /** Errors, health, beacons: never stored. */
    public static final String NO_STORE = "no-store";
    /** The newsroom and the content API: only the signed-in browser, never stored. */
    public static final String PRIVATE = "private, no-store";
    /** Fingerprinted assets, originals and renditions: their URLs change when they do. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Reader pages: a minute, refreshed in the background, served stale for a day if we are down. */
    public static final String PAGE = "public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400";
    /** Feeds: five minutes. */
    public static final String FEED = "public, max-age=300, s-maxage=300, stale-while-revalidate=600";
    /** Permanent redirects (slug, case and trailing-slash changes): an hour, not forever, so a mistake heals. */
    public static final String REDIRECT = "public, max-age=3600";

    private CacheControl() {}

    /** Public for {@code seconds} in browsers only. */
    public static String publicFor(int seconds) { return "public, max-age=" + seconds; }

    /** Public for {@code seconds} in browsers and shared caches, refreshed in the background for as long. */
    public static String sharedFor(int seconds) { return "public, max-age=" + seconds + ", s-maxage=" + seconds + ", stale-while-revalidate=" + seconds; }
}
