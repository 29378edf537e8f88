package org.masthead.site;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.masthead.media.MediaStore;

/**
 * Photos in a story's body as readers get them: every image of ours takes a srcset of the
 * renditions the photo has (never wider than the photo itself), its own pixel width and height
 * (so CSS's max-width can shrink it but nothing stretches it) and lazy loading. The use's alt
 * text, caption and credit are the body's, as the journalist wrote them there.
 */
final class BodyPhotos {
    private static final Pattern OWN = Pattern.compile("^/media/(?:r/)?([0-9a-f]{64})[./]");
    private final MediaStore media;
    private final List<Integer> widths;

    BodyPhotos(MediaStore media, List<Integer> widths) {
        this.media = media;
        this.widths = List.copyOf(widths);
    }

    String render(String bodyHtml) {
        if (!bodyHtml.contains("<img")) return bodyHtml;
        var doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
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
