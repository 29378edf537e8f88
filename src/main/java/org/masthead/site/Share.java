package org.masthead.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Share links for a story: plain links to e-mail, X, Facebook, LinkedIn and WhatsApp, built from its
 * address and headline. No third-party script, no request until the reader clicks, and no counts.
 */
public final class Share {
    private Share() {}

    public record Link(String label, String href) {}

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    public static List<Link> links(String url, String headline) { return links(url, headline, "E-mail"); }

    /** The same, "E-mail" in the site's language ({@code emailLabel}); the services keep their own names. */
    public static List<Link> links(String url, String headline, String emailLabel) {
        return List.of(
            new Link(emailLabel, "mailto:?subject=" + enc(headline) + "&body=" + enc(url)),
            new Link("X", "https://x.com/intent/post?url=" + enc(url) + "&text=" + enc(headline)),
            new Link("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + enc(url)),
            new Link("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + enc(url)),
            new Link("WhatsApp", "https://wa.me/?text=" + enc(headline + " " + url)));
    }

    /** Minutes to read the body at 230 words a minute, at least one. */
    public static int readingMinutes(String bodyHtml) {
        var text = org.jsoup.Jsoup.parse(bodyHtml).text().strip();
        if (text.isEmpty()) return 1;
        int words = text.split("\\s+").length;
        return Math.max(1, Math.round(words / 230f));
    }
}
