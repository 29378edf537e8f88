package org.masthead.site;

import java.util.LinkedHashSet;
import java.util.Set;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanged;
import org.masthead.taxonomy.Slugs;

/**
 * The one grammar of CDN surrogate keys (Surrogate-Key / Cache-Tag on pages, and what a purge
 * names): {@code home}, {@code article-{id}}, {@code section-{slug}}, {@code tag-{slug}},
 * {@code author-{slug}}, slugs percent-encoded so a header stays ASCII whatever the script.
 */
public final class SurrogateKeys {
    public static final String HOME = "home";

    private SurrogateKeys() {}

    public static String article(long id) { return "article-" + id; }

    public static String section(String slug) { return "section-" + Slugs.encode(slug); }

    /** {@code kind} is "tag" or "author". */
    public static String listing(String kind, String slug) { return kind + "-" + Slugs.encode(slug); }

    /** A year's date archive, /2016/ and its months. */
    public static String archive(int year) { return "archive-" + year; }

    /** The years whose archives may list a story published at {@code millis}, whatever the site's time zone (UTC−12 to UTC+14). */
    public static Set<Integer> archiveYears(long millis) {
        var years = new java.util.TreeSet<Integer>();
        for (long shift : new long[] {-12, 0, 14}) years.add(java.time.Instant.ofEpochMilli(millis + shift * 3_600_000L).atZone(java.time.ZoneOffset.UTC).getYear());
        return years;
    }

    /** What an article page carries: the article, its section, its tags and its bylines. */
    public static String forPage(Article a) {
        var keys = new StringBuilder(article(a.id())).append(' ').append(section(a.section().slug()));
        a.tags().forEach(t -> keys.append(' ').append(listing("tag", t.slug())));
        a.authors().forEach(au -> keys.append(' ').append(listing("author", au.slug())));
        return keys.toString();
    }

    /** What to purge when an article changes: every page that showed it before or shows it now. */
    public static Set<String> forChange(ArticleChanged change) {
        var keys = new LinkedHashSet<String>();
        keys.add(article(change.articleId()));
        for (var s : change.seen()) {
            keys.add(section(s.sectionSlug()));
            s.tagSlugs().forEach(t -> keys.add(listing("tag", t)));
            s.authorSlugs().forEach(a -> keys.add(listing("author", a)));
            if (s.publishedAt() != null) archiveYears(s.publishedAt()).forEach(y -> keys.add(archive(y)));
        }
        keys.add(HOME);
        return keys;
    }
}
