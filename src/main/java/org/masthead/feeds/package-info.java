/**
 * RSS 2.0, Atom and JSON Feed per site, section, tag and author; sitemaps and the Google News sitemap;
 * robots.txt. Outputs survive any stored text (XML-unsafe characters are dropped).
 */
@org.jspecify.annotations.NullMarked
package org.masthead.feeds;
