package org.masthead.media;

/** A stored photo with the metadata readers see; {@code file} is its immutable public file name. */
public record Photo(long id, String sha256, String mime, int width, int height, String caption, String credit,
                    String creator, String copyright, String altText, String title, double focalX, double focalY) {
    /** This photo with other words (what someone typed, shown back to them). */
    public Photo withText(PhotoText t) {
        return new Photo(id, sha256, mime, width, height, t.caption(), t.credit(), t.creator(), t.copyright(), t.altText(), t.title(), focalX, focalY);
    }

    /** The credit as printed after the caption: empty when the caption already carries it (the wire habit). See {@link Credits}. */
    public String printedCredit() { return Credits.printed(caption, credit); }

    public String file() { return sha256 + "." + PhotoFormat.fromMime(mime).extension(); }
    public String url() { return "/media/" + file(); }

    /** The URL of one rendition, e.g. {@code rendition("w640.jpg")}. */
    public String rendition(String name) { return "/media/r/" + sha256 + "/" + name; }

    /** A srcset of the plain-width renditions for these configured widths. */
    public String srcset(java.util.List<Integer> widths) {
        var sb = new StringBuilder();
        for (int w : Renditions.widthsFor(width, widths)) sb.append(sb.isEmpty() ? "" : ", ").append(rendition(Rendition.plainName(w))).append(' ').append(w).append('w');
        return sb.toString();
    }

    /** A sensible default src: the rendition closest to {@code preferred} pixels wide. */
    public String src(java.util.List<Integer> widths, int preferred) {
        int best = 0;
        for (int w : Renditions.widthsFor(width, widths)) if (best == 0 || Math.abs(w - preferred) < Math.abs(best - preferred)) best = w;
        return rendition(Rendition.plainName(best));
    }

    /** The focal point as it appears in crop names ("f50x50"): a moved focal point gives new, uncached URLs. */
    public String focalTag() { return "f" + Math.round(focalX * 100) + "x" + Math.round(focalY * 100); }

    /** The URL of a 16:9 ("wide") or 1:1 ("square") crop at {@code width}. */
    public String crop(String kind, int width) { return rendition(Rendition.cropName(kind, width, focalTag())); }

    /** The 16:9 crop for social cards, when the photo is large enough; else the original. */
    public String wideUrl() { return width >= 1280 && height * 16 / 9 >= 1280 ? crop("wide", 1280) : url(); }
}
