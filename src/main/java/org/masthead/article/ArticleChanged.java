package org.masthead.article;

import org.jspecify.annotations.Nullable;

/**
 * Emitted after an article save, publish or unpublish commits. {@code before} and {@code after} are
 * the reader-visible states (null when not published then), so listeners can tell which pages,
 * counters and indexes to refresh.
 */
public record ArticleChanged(long articleId, @Nullable ArticleSummary before, @Nullable ArticleSummary after) {}
