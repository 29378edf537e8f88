package org.masthead.taxonomy;

/** A section of the site ("Politics"); its front lives at {@link #path()}, /{slug}/ percent-encoded. */
public record Section(long id, String slug, String name) {
    public String path() { return "/" + Slugs.encode(slug) + "/"; }
}
