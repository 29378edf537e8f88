package org.masthead.site;

import java.util.List;
import org.masthead.taxonomy.Section;

/** What the reader layout needs on every page. */
public record SiteChrome(String siteName, String language, List<Section> sections, String title, String description,
                         String canonicalUrl, String activeSection, String cssUrl, String jsUrl,
                         java.util.List<Integer> renditionWidths, String jsonLd, java.util.Map<String, String> social, boolean noindex) {
    /** The same chrome with the page's structured data (JSON-LD) and OpenGraph/Twitter card values. */
    public SiteChrome with(String jsonLd, java.util.Map<String, String> social) {
        return new SiteChrome(siteName, language, sections, title, description, canonicalUrl, activeSection, cssUrl, jsUrl, renditionWidths,
            jsonLd, social, noindex);
    }

    /** The same chrome for a page search engines must not index (previews). */
    public SiteChrome noindexed() {
        return new SiteChrome(siteName, language, sections, title, description, canonicalUrl, activeSection, cssUrl, jsUrl, renditionWidths,
            jsonLd, social, true);
    }
}
