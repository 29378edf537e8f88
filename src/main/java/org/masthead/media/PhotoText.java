package org.masthead.media;

/** The editable words that go with a photo. */
public record PhotoText(String caption, String credit, String creator, String copyright, String altText, String title) {
    public PhotoText {
        caption = clean(caption, 2000);
        credit = clean(credit, 300);
        creator = clean(creator, 300);
        copyright = clean(copyright, 500);
        altText = clean(altText, 1000);
        title = clean(title, 300);
    }

    private static String clean(String s, int max) {
        var t = s == null ? "" : s.strip().replaceAll("[\\p{Cntrl}&&[^\\n]]", "");
        return t.length() > max ? t.substring(0, max) : t;
    }
}
