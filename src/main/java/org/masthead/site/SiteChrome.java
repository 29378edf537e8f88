package org.masthead.site;

import java.util.List;
import org.masthead.taxonomy.Section;

/** What the reader layout needs on every page. */
public record SiteChrome(String siteName, String language, List<Section> sections, String title, String description,
                         String canonicalUrl, String activeSection, String cssUrl, String jsUrl,
                         java.util.List<Integer> renditionWidths) {}
