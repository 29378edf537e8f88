/**
 * Plumbing for the web server: the fast lane for cached pages, route Access vocabulary, security
 * headers, redirects that stay on this host, the outbound SSRF guard, plain-text rules, templates.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.http;
