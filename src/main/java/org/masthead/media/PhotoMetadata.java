package org.masthead.media;

import java.util.List;
import java.util.Map;

/**
 * What a photo file says about itself, reconciled from EXIF, IPTC IIM and XMP the way the Metadata
 * Working Group guidelines do (see {@link MetadataReader}). Empty strings and lists when absent.
 */
public record PhotoMetadata(String caption, String headline, String credit, List<String> creators, String creatorJobTitle,
                            String copyright, String source, List<String> keywords, String dateCreated, String city,
                            String country, String altText, String extendedDescription, String usageTerms, String title,
                            String instructions, int orientation) {
    public static final PhotoMetadata EMPTY = new PhotoMetadata("", "", "", List.of(), "", "", "", List.of(), "", "", "", "", "", "", "", "", 1);

    /** Creators as one line, as bylines read ("Ann Lee; Bo Chen"). */
    public String creator() { return String.join("; ", creators); }

    /** The editable words this metadata suggests for a newly uploaded photo. */
    public PhotoText suggestedText() { return new PhotoText(caption, credit, creator(), copyright, altText, title.isEmpty() ? headline : title); }

    /** Everything, for the media row's source_metadata column. */
    public Map<String, Object> asMap() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("caption", caption);
        m.put("headline", headline);
        m.put("credit", credit);
        m.put("creators", creators);
        m.put("creatorJobTitle", creatorJobTitle);
        m.put("copyright", copyright);
        m.put("source", source);
        m.put("keywords", keywords);
        m.put("dateCreated", dateCreated);
        m.put("city", city);
        m.put("country", country);
        m.put("altText", altText);
        m.put("extendedDescription", extendedDescription);
        m.put("usageTerms", usageTerms);
        m.put("title", title);
        m.put("instructions", instructions);
        m.put("orientation", orientation);
        return m;
    }
}
