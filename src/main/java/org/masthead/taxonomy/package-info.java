/**
 * Sections, tags and authors, with Unicode slugs (Slugs) in every script; authors and tags are found
 * by their exact name. NameRepair (migration 8) mended what ASCII-only slugs had merged.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.taxonomy;
