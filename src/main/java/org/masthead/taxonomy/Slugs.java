package org.masthead.taxonomy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** URL slugs: lowercase ASCII letters, digits and single hyphens, at most 80 characters. */
public final class Slugs {
    public static final Pattern VALID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    /** First path segments the site uses itself; a section may not take them. */
    public static final Set<String> RESERVED = Set.of("newsroom", "media", "assets", "api", "_", "webjars",
        "search", "feeds", "sitemap.xml", "sitemaps", "sitemap-news.xml", "robots.txt", "favicon.ico", "healthz", "author", "tag");
    private static final int MAX = 80;

    private Slugs() {}

    /** A slug made from free text ("Café owners vote" → "cafe-owners-vote"); "item" when nothing is left. */
    public static String from(String text) {
        var ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ")
            .replaceAll("['’]", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
        if (ascii.length() > MAX) ascii = ascii.substring(0, MAX).replaceAll("-+[^-]*$", "");
        return ascii.isEmpty() ? "item" : ascii;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX && VALID.matcher(slug).matches();
    }
}
