package org.masthead.popularity;

import java.util.List;
import java.util.Map;
import org.masthead.article.ArticleSummary;

/**
 * One snapshot of every ranking: most read per window, site-wide and per section, and trending.
 * {@code version} changes only when what the reader pages show (the 24-hour rails) changes.
 */
public record Rankings(long version, long computedAt, Map<Window, List<Ranked>> site,
                       Map<Window, Map<Long, List<Ranked>>> bySection, List<Ranked> trending,
                       Map<Long, List<Ranked>> trendingBySection) {
    /** A ranked story: its views in the window, and for trending its score. */
    public record Ranked(ArticleSummary article, long views, double score) {}

    static Rankings empty() { return new Rankings(0, 0, Map.of(), Map.of(), List.of(), Map.of()); }

    /** Most read in {@code window}, site-wide ({@code sectionId} null) or in one section. */
    public List<Ranked> mostRead(Window window, Long sectionId) {
        var list = sectionId == null ? site.get(window) : bySection.getOrDefault(window, Map.of()).get(sectionId);
        return list == null ? List.of() : list;
    }

    public List<Ranked> trending(Long sectionId) {
        var list = sectionId == null ? trending : trendingBySection.get(sectionId);
        return list == null ? List.of() : list;
    }
}
