package org.masthead.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.masthead.article.Embeds;
import org.masthead.media.Photo;

/**
 * A WordPress post's content as a Masthead body: paragraphs from blank lines (WordPress's autop),
 * {@code [caption]} as a figure with its figcaption, {@code [gallery]} as a gallery, {@code [embed]}
 * and bare provider links on their own line as embed cards, and images of the export's attachments
 * as our own photos (their renditions then come with them). Images whose photo did not come are counted.
 */
public final class WxrContent {
    /** Finds the photo an attachment became, by attachment id or by the address of one of its sizes. */
    interface PhotoFinder {
        @Nullable Photo byId(String attachmentId);

        @Nullable Photo byUrl(String url);

        /** Attachments whose parent is this post, for a {@code [gallery]} without ids. */
        List<String> childrenOf(String postId);
    }

    /** The body, and how many images it referred to whose photo did not come. */
    record Body(String html, int missingImages) {}

    private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]", Pattern.DOTALL);
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]");
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\](.*?)\\[/embed\\]", Pattern.DOTALL);
    private static final Pattern BARE_URL = Pattern.compile("(?m)^[ \\t]*(https?://[^\\s<>\"]+)[ \\t]*$");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\\]]+))");
    private static final Pattern WP_IMAGE = Pattern.compile("\\bwp-image-(\\d+)\\b");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\n\\s*");
    private static final Pattern HOST = Pattern.compile("^https?://[^/]+");
    private static final Pattern QUERY = Pattern.compile("[?#].*$");
    private static final Pattern SIZE_SUFFIX = Pattern.compile("-(?:\\d{1,5}x\\d{1,5}|scaled)(\\.[A-Za-z0-9]+)$");
    private static final Pattern BLOCK = Pattern.compile("^\\s*<(?:p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|!--)[\\s>/]", Pattern.CASE_INSENSITIVE);

    private WxrContent() {}

    static Body convert(String content, String postId, PhotoFinder photos) {
        content = org.masthead.http.PlainText.withoutControls(content, true); // a NUL in an old post is dropped, not the post
        int[] missing = {0};
        var text = replace(CAPTION, content, m -> {
            var attrs = attrs(m.group(1));
            var inner = m.group(2);
            var img = IMG.matcher(inner);
            var caption = attrs.getOrDefault("caption", "");
            Photo photo = null;
            if (img.find()) {
                caption = caption.isEmpty() ? Jsoup.parse(inner.substring(0, img.start()) + inner.substring(img.end())).text().strip() : caption;
                photo = photoOf(img.group(), photos);
            }
            var id = attrs.getOrDefault("id", "").replaceFirst("^attachment_", "");
            if (photo == null && !id.isEmpty()) photo = photos.byId(id);
            if (photo == null) {
                missing[0]++;
                return "";
            }
            return figure(photo, caption, img.find(0) ? attr(img.group(), "alt") : null);
        });
        text = replace(GALLERY, text, m -> {
            var attrs = attrs(m.group(1));
            var ids = attrs.containsKey("ids") ? List.of(attrs.get("ids").split("\\s*,\\s*")) : photos.childrenOf(postId);
            var figures = new StringBuilder();
            for (var id : ids) {
                var p = id.isBlank() ? null : photos.byId(id.strip());
                if (p == null) missing[0]++;
                else figures.append(figure(p, p.caption(), null));
            }
            return figures.isEmpty() ? "" : "<div class=\"gallery\">" + figures + "</div>";
        });
        text = replace(EMBED, text, m -> embed(m.group(1).strip()));
        text = replace(BARE_URL, text, m -> Embeds.recognise(m.group(1)).isPresent() ? embed(m.group(1)) : m.group());
        if (!text.contains("<!-- wp:")) text = autop(text);
        if (!text.contains("<img") && !text.contains("<IMG")) return new Body(org.masthead.http.PlainText.withoutControls(text, true), missing[0]);
        var doc = Jsoup.parseBodyFragment(text);
        doc.outputSettings().prettyPrint(false);
        for (var img : doc.select("img")) {
            if (img.closest("figure.inline-photo") != null) continue;
            var photo = photoOf(img.outerHtml(), photos);
            Element at = img.parent() != null && img.parent().nameIs("a") && img.parent().text().isBlank() ? img.parent() : img;
            if (photo == null) { // an image whose file did not come: left out (and counted), never a broken one
                missing[0]++;
                var block = at.closest("p");
                at.remove();
                if (block != null && block.text().isBlank() && block.select("img, figure").isEmpty()) block.remove();
                continue;
            }
            var figure = Jsoup.parseBodyFragment(figure(photo, "", img.attr("alt"))).body().child(0);
            var block = at.closest("p");
            if (block == null) {
                at.replaceWith(figure);
            } else {
                block.after(figure);
                at.remove();
                if (block.text().isBlank() && block.select("img").isEmpty()) block.remove();
            }
        }
        return new Body(org.masthead.http.PlainText.withoutControls(doc.body().html(), true), missing[0]); // "&#128;" decodes to a control
    }

    private static @Nullable Photo photoOf(String imgTag, PhotoFinder photos) {
        var cls = WP_IMAGE.matcher(attr(imgTag, "class") == null ? "" : attr(imgTag, "class"));
        if (cls.find()) {
            var p = photos.byId(cls.group(1));
            if (p != null) return p;
        }
        var src = attr(imgTag, "src");
        return src == null ? null : photos.byUrl(src);
    }

    private static @Nullable String attr(String tag, String name) {
        var el = Jsoup.parseBodyFragment(tag).selectFirst("img");
        return el == null || !el.hasAttr(name) ? null : el.attr(name);
    }

    /** Our inline-photo figure: this use's caption (what the post said), the library's credit. */
    public static String figure(Photo p, String caption, @Nullable String alt) {
        var f = new Element("figure").addClass("inline-photo").attr("data-media-id", String.valueOf(p.id()));
        f.appendElement("img").attr("src", p.url()).attr("alt", alt == null || alt.isBlank() ? p.altText() : alt)
            .attr("width", String.valueOf(p.width())).attr("height", String.valueOf(p.height()));
        var cap = caption == null ? "" : Jsoup.parse(caption).text().strip();
        if (!cap.isEmpty() || !p.credit().isBlank()) {
            var fc = f.appendElement("figcaption");
            if (!cap.isEmpty()) fc.appendElement("span").addClass("caption").text(cap);
            if (!cap.isEmpty() && !p.credit().isBlank()) fc.appendText(" ");
            if (!p.credit().isBlank()) fc.appendElement("span").addClass("credit").text(p.credit());
        }
        return f.outerHtml();
    }

    private static String embed(String url) {
        var e = Embeds.recognise(url);
        if (e.isEmpty()) {
            var a = new Element("a").attr("href", url).text(url);
            return "<p>" + a.outerHtml() + "</p>";
        }
        return new Element("figure").addClass("embed").attr("data-provider", e.get().provider()).attr("data-embed-id", e.get().id()).outerHtml();
    }

    /** WordPress's autop, simply: a blank line ends a paragraph, a single newline inside one is a line break. */
    static String autop(String text) {
        var out = new StringBuilder();
        for (var chunk : PARAGRAPH_BREAK.split(text.replace("\r\n", "\n"))) {
            var c = chunk.strip();
            if (c.isEmpty()) continue;
            if (BLOCK.matcher(c).find()) out.append(c).append('\n');
            else out.append("<p>").append(LINE_BREAK.matcher(c).replaceAll("<br>")).append("</p>\n");
        }
        return out.toString();
    }

    private static java.util.Map<String, String> attrs(String s) {
        var m = ATTR.matcher(s);
        var out = new java.util.LinkedHashMap<String, String>();
        while (m.find()) out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
        return out;
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> with) {
        var m = p.matcher(s);
        var sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
        m.appendTail(sb);
        return sb.toString();
    }

    /** The attachment URL with WordPress's size suffix ("-300x200") removed, scheme and host dropped: the key sizes share. */
    static String urlKey(String url) {
        var path = QUERY.matcher(HOST.matcher(url).replaceFirst("")).replaceFirst("");
        return SIZE_SUFFIX.matcher(path).replaceFirst("$1");
    }

}
