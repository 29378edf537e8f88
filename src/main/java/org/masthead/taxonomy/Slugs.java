package org.masthead.taxonomy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL slugs in every script. A slug is NFC text of letters, marks and digits in runs joined by
 * single hyphens, lower-cased where the script has case, at most 80 code points. Latin letters lose
 * their accents ("Café" → "cafe", the habit readers and WordPress share); every other script is kept
 * as written ("مراسل", "репортаж", "記者"), so names in Arabic or Chinese never collapse to one slug.
 * On the wire a slug is percent-encoded UTF-8 ({@link #encode}); stored and compared, it is NFC text.
 */
public final class Slugs {
    public static final Pattern VALID = Pattern.compile("^[\\p{L}\\p{M}\\p{Nd}]+(?:-[\\p{L}\\p{M}\\p{Nd}]+)*$");
    /** First path segments the site uses itself; a section may not take them. */
    public static final Set<String> RESERVED = Set.of("newsroom", "media", "assets", "api", "_", "webjars",
        "search", "feeds", "sitemap.xml", "sitemaps", "sitemap-news.xml", "robots.txt", "favicon.ico", "healthz", "author", "tag", "corrections", "preview");
    /** What text with no letters or digits at all (emoji, punctuation) becomes. */
    public static final String FALLBACK = "item";
    private static final int MAX = 80;

    private Slugs() {}

    /** A slug made from free text ("Café owners vote" → "cafe-owners-vote", "مراسل خاص" → "مراسل-خاص"). */
    public static String from(String text) {
        var nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
            .replace("&", " and ")
            .replaceAll("['’\\p{Cf}]", "");
        var out = new StringBuilder();
        boolean latinBase = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            var script = Character.UnicodeScript.of(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK) {
                if (!latinBase && out.length() > 0 && out.charAt(out.length() - 1) != '-') out.appendCodePoint(cp);
                continue;
            }
            if (Character.isLetter(cp) || Character.isDigit(cp)) {
                latinBase = script == Character.UnicodeScript.LATIN;
                var s = new String(Character.toChars(cp));
                if (latinBase) s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
                out.append(s.toLowerCase(Locale.ROOT));
            } else {
                latinBase = false;
                if (out.length() > 0 && out.charAt(out.length() - 1) != '-') out.append('-');
            }
        }
        var slug = Normalizer.normalize(out.toString(), Normalizer.Form.NFC).replaceAll("-+$", "")
            .replaceAll("[^\\p{L}\\p{M}\\p{Nd}-]+", ""); // a Latin ligature may decompose into something else
        slug = slug.replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        if (slug.codePointCount(0, slug.length()) > MAX) {
            slug = slug.substring(0, slug.offsetByCodePoints(0, MAX));
            int cut = slug.lastIndexOf('-');
            if (cut > 0) slug = slug.substring(0, cut);
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && !slug.isEmpty() && slug.codePointCount(0, slug.length()) <= MAX && VALID.matcher(slug).matches()
            && slug.equals(slug.toLowerCase(Locale.ROOT)) && Normalizer.isNormalized(slug, Normalizer.Form.NFC);
    }

    /** A slug (or any path segment) as it goes on the wire: UTF-8, percent-encoded with upper-case hex, '-' kept. */
    public static String encode(String segment) {
        var out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** How names are compared: NFC, inner white space folded to one space, trimmed. Case is kept (see {@link #termKey}). */
    public static String nameKey(String name) {
        return Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC).replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    /** How tags are compared: a name key, case-folded (a tag "Budget" and "budget" are one term). */
    public static String termKey(String name) {
        return nameKey(name).toLowerCase(Locale.ROOT);
    }
}
