package org.masthead.article;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one policy for article bodies: paragraphs, h2–h4, blockquote, lists, links, strong/em,
 * horizontal rules, plain tables, and figure/img of our own photos (src under /media/), inline
 * ({@code figure.inline-photo[data-media-id]}) or several in a {@code div.gallery}, each with this use's
 * caption and credit ({@code span.caption}, {@code span.credit}). Everything else is dropped:
 * styles, classes, Word's and Google Docs' markup, scripts.
 */
public final class BodySanitizer {
    private static final Pattern OWN_PHOTO = Pattern.compile("^/media/(?:[0-9a-f]{64}\\.(?:jpg|png|gif|webp)|r/[0-9a-f]{64}/(?:w[0-9]{2,5}|(?:wide|square)-w[0-9]{2,5}-f[0-9]{1,3}x[0-9]{1,3})\\.jpg)$");
    private static final Pattern DIMENSION = Pattern.compile("^[0-9]{1,5}$");
    private static final Pattern FIGURE_CLASS = Pattern.compile("^(?:inline-photo|embed)$");
    private static final Pattern GOOGLE_DOCS_WRAPPER = Pattern.compile("(?is)<b[^>]*\\bid=\"docs-internal-guid-[^\"]*\"[^>]*>(.*)</b>");
    private static final Pattern CAPTION_CLASS = Pattern.compile("^(?:caption|credit|photo-title)$");
    private static final Pattern SPAN = Pattern.compile("^[0-9]{1,2}$");
    private static final Pattern DIMENSION_OR_ID = Pattern.compile("^[0-9]{1,18}$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "strong", "em", "b", "i", "br",
            "a", "figure", "figcaption", "img", "cite", "span", "div", "hr", "table", "caption", "thead", "tbody", "tr", "th", "td")
        .allowUrlProtocols("https", "http", "mailto")
        .allowAttributes("href").onElements("a")
        .requireRelsOnLinks("noopener", "noreferrer")
        .allowAttributes("src").matching(OWN_PHOTO).onElements("img")
        .allowAttributes("alt").onElements("img")
        .allowAttributes("width", "height").matching(DIMENSION).onElements("img")
        .allowAttributes("class").matching(FIGURE_CLASS).onElements("figure")
        .allowAttributes("class").matching(Pattern.compile("^gallery$")).onElements("div")
        .allowAttributes("data-media-id").matching(DIMENSION_OR_ID).onElements("figure")
        .allowAttributes("data-provider").matching(Embeds.PROVIDER).onElements("figure")
        .allowAttributes("data-embed-id").matching(Embeds.ID).onElements("figure")
        .allowAttributes("class").matching(CAPTION_CLASS).onElements("span")
        .allowAttributes("colspan", "rowspan").matching(SPAN).onElements("th", "td")
        .allowAttributes("scope").matching(Pattern.compile("^(?:row|col|rowgroup|colgroup)$")).onElements("th")
        .allowStandardUrlProtocols()
        .toFactory();

    private BodySanitizer() {}

    public static String sanitize(String html) {
        if (html == null) return "";
        var unwrapped = GOOGLE_DOCS_WRAPPER.matcher(html).replaceAll("$1"); // Google Docs wraps a paste in one bold element
        return POLICY.sanitize(unwrapped).strip();
    }
}
