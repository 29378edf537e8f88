package org.masthead.popularity;

/**
 * Trending = how far a story's last-hour views are above its own usual hourly rate, in Poisson
 * standard deviations, with a pseudo-count so a brand-new story needs real volume to rank:
 *
 * <pre>
 *   h        = views in the last 60 minutes
 *   baseline = views in the 24 hours before that ÷ hours the story was live in them (1 to 24)
 *   score    = (h − baseline) / √(baseline + K)        K = {@value #K}; only h ≥ {@value #MIN_VIEWS}
 * </pre>
 *
 * A new story with 20 views this hour scores 20/√5 ≈ 8.9; an old one going from 100 to 150 an
 * hour scores 50/√105 ≈ 4.9; a steady one scores about 0. See docs/popularity.md.
 */
public final class Trending {
    static final double K = 5;
    static final long MIN_VIEWS = 5;

    private Trending() {}

    /** The score, or NaN when the story does not qualify. */
    public static double score(long lastHour, long previous24h, double hoursLiveInPrevious) {
        if (lastHour < MIN_VIEWS) return Double.NaN;
        double hours = Math.max(1, Math.min(24, hoursLiveInPrevious));
        double baseline = previous24h / hours;
        double score = (lastHour - baseline) / Math.sqrt(baseline + K);
        return score > 0 ? score : Double.NaN;
    }
}
