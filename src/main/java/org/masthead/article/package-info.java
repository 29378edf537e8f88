/**
 * Articles from first draft to unpublishing: revisions with stale-save refusal, the story's own
 * photo use, slugs and redirects, and the one article event (ArticleChanged) with its change log.
 * Does not render pages (see site) or rank them (see popularity). Start with Publishing.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.article;
