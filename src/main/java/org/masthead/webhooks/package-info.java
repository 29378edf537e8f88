/**
 * Outgoing webhooks: registrations, signed deliveries claimed per row and retried with backoff for
 * 24 hours by the webhooks job, and the admin page.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.webhooks;
