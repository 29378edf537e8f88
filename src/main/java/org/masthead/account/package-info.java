/**
 * Newsroom users, roles, sign-in (with throttling that never locks the real person out), sessions,
 * content API tokens, and the one access check that enforces each route's declared Access.
 * Start with Accounts; AccessCheck is where a request is let in or refused.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.account;
