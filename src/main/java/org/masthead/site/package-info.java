/**
 * The reader site shell: home, fronts, article, tag and author pages served from memory with strong
 * ETags; CDN surrogate keys (SurrogateKeys, the one grammar) and purges; structured data.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.site;
