package org.masthead.account;

/** A signed-in newsroom session: who, and the CSRF token every state change must echo. */
public record Session(User user, String csrfToken, String tokenHash) {}
