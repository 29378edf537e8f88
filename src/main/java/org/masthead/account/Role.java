package org.masthead.account;

import java.util.Locale;

/** Newsroom roles, weakest first. */
public enum Role {
    CONTRIBUTOR, EDITOR, ADMIN;

    public boolean canPublish() { return this != CONTRIBUTOR; }
    public boolean canManageUsers() { return this == ADMIN; }
    public String dbValue() { return name().toLowerCase(Locale.ROOT); }

    /** Parses a role name; the message names the accepted values. */
    public static Role parse(String value) {
        for (var r : values()) if (r.dbValue().equalsIgnoreCase(value == null ? "" : value.trim())) return r;
        throw new IllegalArgumentException("unknown role '" + value + "' (use contributor, editor or admin)");
    }
}
