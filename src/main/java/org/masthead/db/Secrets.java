package org.masthead.db;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets that every node of a site shares: made once, on first use, and kept in the store. */
public final class Secrets {
    private final Database db;

    public Secrets(Database db) { this.db = db; }

    /** The secret called {@code name} (256 random bits, base64url), creating it the first time; every node gets the same one. */
    public String get(String name) {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        var fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return db.transaction(h -> {
            h.createUpdate("insert into app_secret (name, value) values (:n, :v) on conflict (name) do nothing").bind("n", name).bind("v", fresh).execute();
            return h.createQuery("select value from app_secret where name = :n").bind("n", name).mapTo(String.class).one();
        });
    }
}
