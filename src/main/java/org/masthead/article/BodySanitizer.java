package org.masthead.article;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one policy for article bodies: paragraphs, h2–h4, blockquote, lists, links, strong/em,
 * and figure/img of our own photos (src under /media/). Everything else is dropped.
 */
public final class BodySanitizer {
    private static final Pattern OWN_PHOTO = Pattern.compile("^/media/(?:[0-9a-f]{64}\\.(?:jpg|png|gif|webp)|r/[0-9a-f]{64}/(?:w[0-9]{2,5}|(?:wide|square)-w[0-9]{2,5}-f[0-9]{1,3}x[0-9]{1,3})\\.jpg)$");
    private static final Pattern DIMENSION = Pattern.compile("^[0-9]{1,5}$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "strong", "em", "b", "i", "br",
            "a", "figure", "figcaption", "img", "cite")
        .allowUrlProtocols("https", "http", "mailto")
        .allowAttributes("href").onElements("a")
        .requireRelsOnLinks("noopener", "noreferrer")
        .allowAttributes("src").matching(OWN_PHOTO).onElements("img")
        .allowAttributes("alt").onElements("img")
        .allowAttributes("width", "height").matching(DIMENSION).onElements("img")
        .allowStandardUrlProtocols()
        .toFactory();

    private BodySanitizer() {}

    public static String sanitize(String html) {
        return POLICY.sanitize(html == null ? "" : html).strip();
    }
}
