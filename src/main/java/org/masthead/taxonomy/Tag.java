package org.masthead.taxonomy;

public record Tag(long id, String slug, String name) {}
