package org.masthead.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A queue item as stored: the wire's latest version of it, and what the newsroom did with it. */
public record WireItem(long id, String guid, long version, String source, String alsoFrom, String format, String headline, String byline,
                       String summary, String bodyHtml, String dateline, @Nullable Integer urgency, @Nullable Long embargoUntil,
                       String pubStatus, String language, List<Incoming.Photo> photos, List<String> warnings, String state,
                       @Nullable Long storyId, @Nullable Long usedVersion, String flag, long receivedAt, long updatedAt) {
    public boolean killed() { return pubStatus.equals("canceled") || pubStatus.equals("withheld"); }

    public boolean embargoed(long now) { return embargoUntil != null && embargoUntil > now; }

    /** Urgency as desks say it: 1 flash, 2 urgent, 3 priority, the rest by number. */
    public String urgencyLabel() {
        if (urgency == null) return "";
        return switch (urgency) {
            case 1 -> "1 (flash)";
            case 2 -> "2 (urgent)";
            case 3 -> "3 (priority)";
            default -> String.valueOf(urgency);
        };
    }
}
