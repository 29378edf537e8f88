package org.masthead.taxonomy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.http.PlainText;

/**
 * What readers learn about a byline beyond the name: a short bio (plain text, paragraphs split by
 * blank lines), a job title, a photo from the library and links to the author elsewhere.
 */
public record AuthorProfile(Author author, String bio, String jobTitle, @Nullable Long photoId, List<String> links) {
    public static final int MAX_BIO = 5000;
    public static final int MAX_LINKS = 10;

    public AuthorProfile {
        bio = bio == null ? "" : bio.strip();
        jobTitle = jobTitle == null ? "" : jobTitle.strip();
        links = List.copyOf(links);
    }

    /** The bio's paragraphs. */
    public List<String> paragraphs() {
        return bio.isEmpty() ? List.of() : java.util.Arrays.stream(bio.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Field → what is wrong; empty when it can be saved. {@code photoExists} says whether a library photo has that id. */
    public Map<String, String> problems(java.util.function.LongPredicate photoExists) {
        var p = new LinkedHashMap<String, String>();
        if (bio.length() > MAX_BIO) p.put("bio", "Keep the bio under " + MAX_BIO + " characters (it has " + bio.length() + ").");
        if (PlainText.hasControlInText(bio)) p.put("bio", "Remove the control character (such as NUL) from the bio.");
        if (jobTitle.length() > 200) p.put("job_title", "Keep the job title under 200 characters.");
        if (PlainText.hasControl(jobTitle)) p.put("job_title", "Remove the control character (such as NUL or a line break) from the job title.");
        if (photoId != null && (photoId <= 0 || !photoExists.test(photoId))) p.put("photo_id", "There is no photo " + photoId + " in the library.");
        if (links.size() > MAX_LINKS) p.put("links", "At most " + MAX_LINKS + " links.");
        for (var link : links) {
            if (!isWebAddress(link)) {
                p.put("links", "Each link must be a full web address starting with https:// or http:// (not '" + PlainText.shorten(link, 80) + "').");
                break;
            }
        }
        return p;
    }

    /** A link as a reader reads it: "social.example/@layla" for https://www.social.example/@layla/. */
    public static String label(String link) {
        return link.replaceFirst("^https?://(www\\.)?", "").replaceFirst("/$", "");
    }

    static boolean isWebAddress(String link) {
        if (link == null || link.length() > 500 || PlainText.hasControl(link)) return false;
        try {
            var uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
