/** Search: a Lucene index per node, derived from SQL and following the article event; the reader's /search and its JSON. */
@org.jspecify.annotations.NullMarked
package org.masthead.search;
