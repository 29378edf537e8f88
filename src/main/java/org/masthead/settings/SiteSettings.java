package org.masthead.settings;

import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.http.Dates;
import org.masthead.http.Languages;

/** The site as readers and the newsroom see it now. */
public record SiteSettings(String name, String tagline, String language, ZoneId timeZone, String accent, List<Link> headerLinks,
                           List<Link> footerLinks, @Nullable Long logoId, @Nullable Long socialImageId) {
    /** A link in a menu: its words and where it goes (a path on this site or a web address). */
    public record Link(String label, String url) {}

    public SiteSettings {
        headerLinks = List.copyOf(headerLinks);
        footerLinks = List.copyOf(footerLinks);
    }

    public Dates dates() { return new Dates(timeZone); }

    public String dir() { return Languages.dir(language); }
}
