package org.masthead.article;

import org.jspecify.annotations.Nullable;
import org.masthead.media.Photo;

/** One line of a list: newsroom tables, section fronts, rails. */
public record ArticleSummary(long id, String sectionSlug, String sectionName, String slug, String headline, String dek,
                             ArticleStatus status, @Nullable Long publishedAt, long updatedAt, @Nullable Long createdBy,
                             @Nullable Photo leadPhoto) {
    /** The permalink as it goes on the wire (percent-encoded). */
    public String path() { return "/" + org.masthead.taxonomy.Slugs.encode(sectionSlug) + "/" + org.masthead.taxonomy.Slugs.encode(slug); }
}
