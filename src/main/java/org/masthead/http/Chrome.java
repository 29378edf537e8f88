package org.masthead.http;

import org.jspecify.annotations.Nullable;

/**
 * What the newsroom layout needs on every page: the site, the page title, who is signed in and
 * the CSRF token forms must echo. {@code user} is null on the sign-in page.
 */
public record Chrome(String siteName, String title, @Nullable String userName, @Nullable String role,
                     String csrf, String active, Dates dates) {
    public boolean isAdmin() { return "admin".equals(role); }
}
