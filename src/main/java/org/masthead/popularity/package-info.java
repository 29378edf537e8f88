/**
 * Most Popular and trending: the view beacon, bot and repeat filtering, in-memory counters flushed
 * by the popularity job, rankings per window and section. Start with Popularity; docs/popularity.md.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.popularity;
