package org.masthead.article;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Videos and social posts a story may embed: recognised from their address, stored as a
 * {@code figure.embed} with the provider and id only, and shown to readers as a card that loads
 * the provider's player only when they ask (nothing is requested from the provider before).
 */
public final class Embeds {
    /** One embeddable thing: its provider, its id there, and the addresses to open and to frame it. */
    public record Embed(String provider, String id) {
        public String label() {
            return switch (provider) {
                case "youtube" -> "Video on YouTube";
                case "vimeo" -> "Video on Vimeo";
                case "x" -> "Post on X";
                case "instagram" -> "Post on Instagram";
                default -> "Embedded content";
            };
        }

        /** Where the reader can open it on the provider's site. */
        public String pageUrl() {
            return switch (provider) {
                case "youtube" -> "https://www.youtube.com/watch?v=" + id;
                case "vimeo" -> "https://vimeo.com/" + id;
                case "x" -> "https://x.com/i/status/" + id;
                case "instagram" -> "https://www.instagram.com/p/" + id + "/";
                default -> throw new IllegalStateException(provider);
            };
        }

        /** The player or post frame, loaded only after the reader's click (YouTube's no-cookie host). */
        public String frameUrl() {
            return switch (provider) {
                case "youtube" -> "https://www.youtube-nocookie.com/embed/" + id;
                case "vimeo" -> "https://player.vimeo.com/video/" + id + "?dnt=1";
                case "x" -> "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=" + id;
                case "instagram" -> "https://www.instagram.com/p/" + id + "/embed";
                default -> throw new IllegalStateException(provider);
            };
        }
    }

    public static final Pattern PROVIDER = Pattern.compile("^(?:youtube|vimeo|x|instagram)$");
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private static final Pattern YOUTUBE = Pattern.compile("^https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:.*&)?v=|shorts/|embed/)|youtu\\.be/)([A-Za-z0-9_-]{6,20})(?:[&?#].*)?$");
    private static final Pattern VIMEO = Pattern.compile("^https?://(?:www\\.)?vimeo\\.com/(\\d{1,15})/?(?:[?#].*)?$");
    private static final Pattern X = Pattern.compile("^https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/[A-Za-z0-9_]{1,30}/status/(\\d{1,25})/?(?:[?#].*)?$");
    private static final Pattern INSTAGRAM = Pattern.compile("^https?://(?:www\\.)?instagram\\.com/(?:p|reel)/([A-Za-z0-9_-]{5,40})/?(?:[?#].*)?$");

    private Embeds() {}

    /** What an address pasted by a journalist embeds, if it is one we know. */
    public static Optional<Embed> recognise(String url) {
        if (url == null) return Optional.empty();
        var u = url.strip();
        for (var p : new Object[][] {{YOUTUBE, "youtube"}, {VIMEO, "vimeo"}, {X, "x"}, {INSTAGRAM, "instagram"}}) {
            var m = ((Pattern) p[0]).matcher(u);
            if (m.matches()) return Optional.of(new Embed((String) p[1], m.group(1)));
        }
        return Optional.empty();
    }
}
