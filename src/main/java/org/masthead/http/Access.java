package org.masthead.http;

import io.javalin.security.RouteRole;

/**
 * Who may use a route: every route declares exactly one of these in its routes class's table, and
 * one check (account.AccessCheck) enforces them before the handler runs. A route without one is
 * refused to everyone (and a test fails on it).
 */
public enum Access implements RouteRole {
    /** Readers and anyone else: the public site, feeds, media, health, the public API documents. */
    ANYONE,
    /** The sign-in form: no session yet (it has its own CSRF check). */
    SIGNED_OUT,
    /** Any signed-in newsroom user: contributors, editors and admins (use cases decide per article). */
    CONTRIBUTOR,
    /** Editors and admins. */
    EDITOR,
    /** Admins only. */
    ADMIN,
    /** Any live content API token. */
    API_READ,
    /** A content API token with the editor scope. */
    API_EDITOR,
    /** Operations: this machine, or the metrics token (the route checks which). */
    OPS;

    public boolean isNewsroom() { return this == CONTRIBUTOR || this == EDITOR || this == ADMIN; }

    public boolean isApi() { return this == API_READ || this == API_EDITOR; }
}
