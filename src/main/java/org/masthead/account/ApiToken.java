package org.masthead.account;

import org.jspecify.annotations.Nullable;

/** A content API token as the newsroom lists it (never the secret itself). */
public record ApiToken(long id, String name, Scope scope, long createdAt, @Nullable Long lastUsedAt, @Nullable Long revokedAt,
                       @Nullable Long createdBy) {
    /** read: GET anything published; editor: also create, update, publish and upload, like a newsroom editor. */
    public enum Scope {
        READ, EDITOR;

        public String dbValue() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static Scope parse(String s) {
            for (var v : values()) if (v.dbValue().equals(s)) return v;
            throw new IllegalArgumentException("scope must be read or editor");
        }
    }

    public boolean isRevoked() { return revokedAt != null; }
}
