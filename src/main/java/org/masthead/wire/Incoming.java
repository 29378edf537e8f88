package org.masthead.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item as an agency sent it, read from whichever format: its id and version there, words,
 * urgency (1 flash … 9), embargo, status ("usable", "withheld", "canceled") and pictures.
 */
public record Incoming(String guid, long version, String format, String headline, String byline, String summary, String bodyHtml,
                       String dateline, @Nullable Integer urgency, @Nullable Long embargoUntil, String pubStatus, String language,
                       List<Photo> photos, List<String> warnings) {
    /** A picture with the wire's words for it; {@code href} is where its file is (a URL, or a name beside the item in a watched folder). */
    public record Photo(String href, String mime, int width, int height, String caption, String credit, String creator, String copyright,
                        String altText, String headline) {}

    public boolean killed() { return pubStatus.equals("canceled") || pubStatus.equals("withheld"); }
}
