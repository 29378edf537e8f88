package org.masthead.page;

import org.masthead.taxonomy.Slugs;

/** A static page as stored: its address is /{slug}/ (percent-encoded). Times are epoch milliseconds. */
public record StaticPage(long id, String slug, String title, String bodyHtml, String language, int revision, long createdAt, long updatedAt) {
    public String path() { return "/" + Slugs.encode(slug) + "/"; }
}
