package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The copy desk: small rules that list problems in a story before it is published, each with the
 * field to fix and an excerpt. No network; each rule has its own test (CopyDeskTest). Editors may
 * dismiss a finding with a reason, which is kept (Copy desk dismissals in {@link ArticleStore}).
 */
public final class CopyDesk {
    /** One problem: which rule, in which field, what to do, and the words it is about. */
    public record Finding(String rule, String field, String message, String excerpt) {}

    static final int HEADLINE_MAX = 110;
    static final int DEK_MAX = 160;
    static final Duration STALE_AFTER = Duration.ofDays(30);
    private static final Pattern BROKEN_HYPHEN = Pattern.compile("(?<=\\p{L})- (?=\\p{L})");
    private static final Pattern DOUBLED = Pattern.compile("(?iu)(?<![\\p{L}\\p{M}])([\\p{L}\\p{M}]+)\\s+\\1(?![\\p{L}\\p{M}])");
    private static final Pattern RELATIVE = Pattern.compile("(?iu)\\b(yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening|week|month|year)"
        + "|last (?:night|week|month|year)|next (?:week|month|year)|in the (?:last|past|next) (?:few|two|three|four|five|six|seven|eight|nine|ten|\\d+) (?:days|weeks|months|years))\\b");
    private static final Pattern LINK = Pattern.compile("(?i)<a\\s[^>]*href=\"([^\"]+)\"");

    private final ArticleStore articles;
    private final Clock clock;
    private final String baseUrl;

    public CopyDesk(ArticleStore articles, Clock clock, String baseUrl) {
        this.articles = articles;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Every finding on {@code a}, those an editor dismissed left out. */
    public List<Finding> check(Article a) {
        var dismissed = articles.listDismissals(a.id());
        return all(a).stream().filter(f -> !dismissed.contains(f.rule() + "\u0000" + f.excerpt())).toList();
    }

    /** Hides a finding (same rule, same excerpt) on this article, keeping who dismissed it and why. */
    public void dismiss(org.masthead.account.User user, long articleId, String rule, String excerpt, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) throw new IllegalArgumentException("Say in up to 500 characters why this finding does not apply.");
        articles.insertDismissal(articleId, rule, excerpt, reason.strip(), user.id(), clock.millis());
    }

    /** Every finding, dismissed or not. */
    List<Finding> all(Article a) {
        var out = new ArrayList<Finding>();
        var body = text(a.bodyHtml());
        for (var f : new String[][] {{"headline", a.headline()}, {"dek", a.dek()}, {"body", body}}) {
            brokenHyphens(f[0], f[1], out);
            doubledWords(f[0], f[1], out);
            unbalanced(f[0], f[1], out);
        }
        var p = a.leadPhoto();
        if (p != null && p.altText().isBlank()) out.add(new Finding("photo-alt", "photo_alt", "The lead photo has no alt text.", ""));
        if (p != null && p.credit().isBlank()) out.add(new Finding("photo-credit", "photo_credit", "The lead photo has no credit.", ""));
        if (a.headline().length() > HEADLINE_MAX) {
            out.add(new Finding("headline-length", "headline", "The headline is " + a.headline().length() + " characters; search and social cut it after about "
                + HEADLINE_MAX + ".", a.headline().substring(HEADLINE_MAX - 20)));
        }
        if (a.dek().length() > DEK_MAX) {
            out.add(new Finding("dek-length", "dek", "The dek is " + a.dek().length() + " characters; search and social show about " + DEK_MAX + ".",
                a.dek().substring(DEK_MAX - 20)));
        }
        if (allCaps(a.headline())) out.add(new Finding("headline-caps", "headline", "The headline is in capitals; write it in sentence case.", a.headline()));
        relativeTime(a, body, out);
        links(a.bodyHtml(), out);
        return out;
    }

    static void brokenHyphens(String field, String text, List<Finding> out) {
        var m = BROKEN_HYPHEN.matcher(text);
        while (m.find()) out.add(new Finding("broken-hyphen", field, "A hyphen followed by a space inside a word (\"Ki- moon\"): join it or use a dash.", around(text, m)));
    }

    static void doubledWords(String field, String text, List<Finding> out) {
        var m = DOUBLED.matcher(text);
        while (m.find()) out.add(new Finding("doubled-word", field, "\"" + m.group(1) + "\" twice in a row.", m.group()));
    }

    static void unbalanced(String field, String text, List<Finding> out) {
        for (var pair : new String[][] {{"(", ")"}, {"[", "]"}, {"“", "”"}, {"«", "»"}, {"‘", "’"}}) {
            long open = count(text, pair[0]);
            long close = count(text, pair[1]);
            if (pair[0].equals("‘")) close = Math.min(close, open); // ’ is also an apostrophe: only a missing closing one counts
            if (open != close) out.add(new Finding("unbalanced", field, open + " " + pair[0] + " but " + close + " " + pair[1] + ".", pair[0] + pair[1]));
        }
        if (count(text, "\"") % 2 != 0) out.add(new Finding("unbalanced", field, "An odd number of straight quotes (\").", "\""));
    }

    static boolean allCaps(String headline) {
        long letters = headline.codePoints().filter(Character::isLetter).count();
        return letters >= 8 && headline.codePoints().filter(Character::isLowerCase).count() == 0
            && headline.codePoints().filter(Character::isUpperCase).count() >= letters * 0.9;
    }

    /** "Yesterday", "last week", "in the last four years" in a story read, updated or republished long after it first ran. */
    void relativeTime(Article a, String body, List<Finding> out) {
        if (a.publishedAt() == null) return;
        long age = Math.max(clock.millis(), a.updatedAt()) - a.publishedAt();
        if (age < STALE_AFTER.toMillis()) return;
        for (var f : new String[][] {{"headline", a.headline()}, {"dek", a.dek()}, {"body", body}}) {
            var m = RELATIVE.matcher(f[1]);
            while (m.find()) {
                out.add(new Finding("relative-time", f[0], "\"" + m.group() + "\" in a story first published " + (age / 86_400_000L)
                    + " days ago: give the date instead.", around(f[1], m)));
            }
        }
    }

    /** Links to stories of ours that are not published (or never were). */
    void links(String html, List<Finding> out) {
        var m = LINK.matcher(html);
        while (m.find()) {
            var href = m.group(1);
            var path = href.startsWith(baseUrl + "/") ? href.substring(baseUrl.length()) : href.startsWith("/") && !href.startsWith("//") ? href : null;
            if (path == null) continue;
            path = path.replaceAll("[?#].*$", "");
            var parts = path.split("/");
            if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty() || path.startsWith("/media/")) continue;
            var section = java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8);
            var slug = java.net.URLDecoder.decode(parts[2], java.nio.charset.StandardCharsets.UTF_8);
            var status = articles.findStatus(section, slug);
            if (status.isEmpty()) out.add(new Finding("dead-link", "body", "This link goes to a story of ours that does not exist.", href));
            else if (status.get() != ArticleStatus.PUBLISHED) {
                out.add(new Finding("dead-link", "body", "This link goes to a story of ours that is " + status.get().label().toLowerCase(Locale.ROOT) + ".", href));
            }
        }
    }

    static String text(@Nullable String html) {
        return html == null ? "" : Revisions.text("bodyHtml", html).replaceAll("\\s+", " ").strip();
    }

    private static long count(String s, String token) {
        long n = 0;
        for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + token.length())) n++;
        return n;
    }

    private static String around(String text, Matcher m) {
        int from = Math.max(0, m.start() - 20);
        int to = Math.min(text.length(), m.end() + 20);
        return text.substring(from, to).strip();
    }

    static Predicate<Finding> rule(String name) { return f -> f.rule().equals(name); }
}
