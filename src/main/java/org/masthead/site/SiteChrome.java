package org.masthead.site;

import java.util.List;
import org.masthead.taxonomy.Section;

/** What the reader layout needs on every page. */
public record SiteChrome(String siteName, String language, List<Section> sections, String title, String description,
                         String canonicalUrl, String activeSection, String cssUrl, String jsUrl,
                         java.util.List<Integer> renditionWidths, String jsonLd, java.util.Map<String, String> social, boolean noindex,
                         org.masthead.http.Dates dates, org.masthead.settings.SiteSettings site,
                         org.masthead.media.@org.jspecify.annotations.Nullable Photo logo) {
    /** The same chrome with the page's structured data (JSON-LD) and OpenGraph/Twitter card values. */
    public SiteChrome with(String jsonLd, java.util.Map<String, String> social) {
        return new SiteChrome(siteName, language, sections, title, description, canonicalUrl, activeSection, cssUrl, jsUrl, renditionWidths,
            jsonLd, social, noindex, dates, site, logo);
    }

    /** The accent colour's stylesheet, its address changing with the colour (so it can be cached for good). */
    public String themeUrl() { return "/theme.css?v=" + site.accent().replace("#", ""); }

    /** The site's own words in its language (English where it has none yet). */
    public ReaderText text() { return ReaderText.of(language); }

    /** One of {@link #text()}'s, {@code args} put in. */
    public String t(String key, Object... args) { return text().t(key, args); }

    /** The page's direction: right to left when the site's language is written so (the whole layout mirrors). */
    public String dir() { return org.masthead.http.Languages.dir(language); }

    /** A story's {@code lang} where it differs from the page's, else null (the document already says it). */
    public String langFor(org.masthead.article.Article a) {
        var own = a.languageOr(language);
        return own.equals(language) ? null : own;
    }

    /** A story's {@code dir} where its language differs from the page's, else null. */
    public String dirFor(org.masthead.article.Article a) {
        var own = a.languageOr(language);
        return own.equals(language) || org.masthead.http.Languages.dir(own).equals(dir()) ? null : org.masthead.http.Languages.dir(own);
    }

    /** The same chrome for a page search engines must not index (previews). */
    public SiteChrome noindexed() {
        return new SiteChrome(siteName, language, sections, title, description, canonicalUrl, activeSection, cssUrl, jsUrl, renditionWidths,
            jsonLd, social, true, dates, site, logo);
    }
}
