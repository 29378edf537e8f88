package org.masthead.taxonomy;

/** A byline: display name and slug; may belong to a newsroom user. Its page is {@link #path()}. */
public record Author(long id, String slug, String displayName) {
    public String path() { return "/author/" + Slugs.encode(slug) + "/"; }
}
