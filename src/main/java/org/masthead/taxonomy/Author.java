package org.masthead.taxonomy;

/** A byline: display name and slug; may belong to a newsroom user. */
public record Author(long id, String slug, String displayName) {}
