package org.masthead.article;

import java.util.LinkedHashMap;
import java.util.Map;
import org.masthead.http.PlainText;
import org.masthead.media.Photo;

/**
 * One use of a library photo in a story, with the story's own caption, credit and alt text. It is
 * saved with the article (same transaction, same revision snapshot); the library's text only
 * prefills it (see {@link #of(Photo)}), and editing it never changes the library or another story.
 */
public record PhotoUse(long mediaId, String caption, String credit, String altText, String title) {
    public static final int MAX_CAPTION = 2000;
    public static final int MAX_TITLE = 300;

    /** A use without a title of its own. */
    public PhotoUse(long mediaId, String caption, String credit, String altText) { this(mediaId, caption, credit, altText, ""); }
    public static final int MAX_CREDIT = 300;
    public static final int MAX_ALT = 1000;

    public PhotoUse {
        caption = caption == null ? "" : caption.strip();
        credit = credit == null ? "" : credit.strip();
        altText = altText == null ? "" : altText.strip();
        title = title == null ? "" : title.strip();
    }

    /** A use prefilled with the library's words for this photo. */
    public static PhotoUse of(Photo library) {
        return new PhotoUse(library.id(), library.caption(), library.credit(), library.altText(), library.title());
    }

    /** Blank fields take the library's words (a photo just chosen for the story). */
    public PhotoUse orLibrary(Photo library) {
        return new PhotoUse(mediaId, caption.isEmpty() ? library.caption() : caption, credit.isEmpty() ? library.credit() : credit,
            altText.isEmpty() ? library.altText() : altText, title.isEmpty() ? library.title() : title);
    }

    /** Field → message for everything wrong; empty when it can be saved. */
    public Map<String, String> problems() {
        var p = new LinkedHashMap<String, String>();
        if (caption.length() > MAX_CAPTION) p.put("photo_caption", "Keep the caption under " + MAX_CAPTION + " characters (it has " + caption.length() + ").");
        if (credit.length() > MAX_CREDIT) p.put("photo_credit", "Keep the credit under " + MAX_CREDIT + " characters.");
        if (altText.length() > MAX_ALT) p.put("photo_alt", "Keep the alt text under " + MAX_ALT + " characters.");
        if (title.length() > MAX_TITLE) p.put("photo_title", "Keep the photo title under " + MAX_TITLE + " characters.");
        if (PlainText.hasControl(title)) p.put("photo_title", "Remove the control character (such as NUL or a line break) from the photo title.");
        if (PlainText.hasControlInText(caption)) p.put("photo_caption", "Remove the control character (such as NUL) from the caption.");
        if (PlainText.hasControl(credit)) p.put("photo_credit", "Remove the control character (such as NUL or a line break) from the credit.");
        if (PlainText.hasControlInText(altText)) p.put("photo_alt", "Remove the control character (such as NUL) from the alt text.");
        return p;
    }

    boolean hasControlCharacters() {
        return PlainText.hasControlInText(caption) || PlainText.hasControl(credit) || PlainText.hasControlInText(altText) || PlainText.hasControl(title);
    }
}
