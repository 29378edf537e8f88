package org.masthead.taxonomy;

/** A section of the site ("Politics"); its front lives at {@link #path()}, /{slug}/ percent-encoded. */
public record Section(long id, String slug, String name, boolean hidden) {
    /** A section shown in the navigation and on the home page. */
    public Section(long id, String slug, String name) { this(id, slug, name, false); }

    public String path() { return "/" + Slugs.encode(slug) + "/"; }
}
