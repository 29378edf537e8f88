/**
 * Static pages (About, Contact, a corrections policy): each at /{slug}/, in the sitemap, edited in
 * the newsroom and through the content API with the body policy and revisions of stories. Start at
 * {@link org.masthead.page.Pages}.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.page;
