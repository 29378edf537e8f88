package org.masthead.article;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.http.PlainText;

/**
 * What search results and social cards show for a story when it is not the headline, dek and lead
 * photo: a title, a description and an image from the library. Empty fields fall back to those.
 */
public record Seo(String title, String description, @Nullable Long imageId) {
    public static final Seo NONE = new Seo("", "", null);
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 400;

    public Seo {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip();
    }

    Map<String, String> problems() {
        var p = new LinkedHashMap<String, String>();
        if (title.length() > MAX_TITLE) p.put("seo_title", "Keep the search title under " + MAX_TITLE + " characters (search shows about 60).");
        if (description.length() > MAX_DESCRIPTION) p.put("seo_description", "Keep the search description under " + MAX_DESCRIPTION + " characters (search shows about 160).");
        if (PlainText.hasControl(title)) p.put("seo_title", "Remove the control character (such as NUL or a line break) from the search title.");
        if (PlainText.hasControl(description)) p.put("seo_description", "Remove the control character (such as NUL or a line break) from the search description.");
        if (imageId != null && imageId <= 0) p.put("social_image", "Choose a photo from the library for the social image, or none.");
        return p;
    }
}
