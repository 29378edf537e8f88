package org.masthead.taxonomy;

/** A tag (a term); its page is {@link #path()}. */
public record Tag(long id, String slug, String name) {
    public String path() { return "/tag/" + Slugs.encode(slug) + "/"; }
}
