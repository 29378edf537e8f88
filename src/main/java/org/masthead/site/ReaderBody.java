package org.masthead.site;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.masthead.media.MediaStore;

/**
 * A story's body as readers get it. Embedded videos and posts become cards that load the provider's
 * frame only when the reader asks (no request to the provider before). Photos in a story's body: every image of ours takes a srcset of the
 * renditions the photo has (never wider than the photo itself), its own pixel width and height
 * (so CSS's max-width can shrink it but nothing stretches it) and lazy loading. The use's alt
 * text, caption and credit are the body's, as the journalist wrote them there.
 */
final class ReaderBody {
    private static final Pattern OWN = Pattern.compile("^/media/(?:r/)?([0-9a-f]{64})[./]");
    private final MediaStore media;
    private final List<Integer> widths;

    ReaderBody(MediaStore media, List<Integer> widths) {
        this.media = media;
        this.widths = List.copyOf(widths);
    }

    String render(String bodyHtml) {
        if (!bodyHtml.contains("<img") && !bodyHtml.contains("class=\"embed\"")) return bodyHtml;
        var doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        for (var figure : doc.select("figure.embed[data-provider][data-embed-id]")) {
            if (!org.masthead.article.Embeds.PROVIDER.matcher(figure.attr("data-provider")).matches()
                || !org.masthead.article.Embeds.ID.matcher(figure.attr("data-embed-id")).matches()) continue;
            var embed = new org.masthead.article.Embeds.Embed(figure.attr("data-provider"), figure.attr("data-embed-id"));
            var caption = figure.selectFirst("figcaption");
            figure.empty();
            var card = figure.appendElement("div").addClass("embed-card").attr("data-frame", embed.frameUrl()).attr("data-title", embed.label());
            var provider = embed.label().substring(embed.label().lastIndexOf(' ') + 1);
            card.appendElement("p").addClass("embed-note").text(embed.label() + ". Loading it lets " + provider + " see your visit.");
            card.appendElement("button").attr("type", "button").addClass("embed-load").text(embed.provider().equals("youtube") || embed.provider().equals("vimeo")
                ? "Load the video" : "Load the post");
            card.appendText(" ");
            card.appendElement("a").attr("href", embed.pageUrl()).attr("rel", "noopener noreferrer").text("Open on " + provider);
            if (caption != null) figure.appendChild(caption);
        }
        for (var img : doc.select("img[src]")) {
            var m = OWN.matcher(img.attr("src"));
            if (!m.find()) continue;
            var photo = media.findBySha(m.group(1));
            if (photo.isEmpty()) continue;
            var p = photo.get();
            boolean inGallery = !img.parents().select(".gallery").isEmpty();
            img.attr("src", p.src(widths, 640)).attr("srcset", p.srcset(widths))
                .attr("sizes", inGallery ? "(min-width: 700px) 340px, 100vw" : "(min-width: 900px) 680px, 100vw")
                .attr("width", String.valueOf(p.width())).attr("height", String.valueOf(p.height()))
                .attr("loading", "lazy").attr("decoding", "async");
            if (!img.hasAttr("alt")) img.attr("alt", p.altText());
        }
        return doc.body().html();
    }
}
