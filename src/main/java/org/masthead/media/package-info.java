/**
 * Photos: upload validated by content, IPTC/XMP/EXIF metadata (MetadataReader), the library's words
 * with their own stale check, renditions with budgeted decoding (DecodeBudget), and credit printing
 * (Credits). Each story's own caption lives with the article (article.PhotoUse).
 */
@org.jspecify.annotations.NullMarked
package org.masthead.media;
