package org.masthead.account;

/** A newsroom user as the rest of the app sees it (never carries the password hash). */
public record User(long id, String email, String displayName, Role role, boolean disabled) {}
