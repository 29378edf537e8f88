package org.masthead.account;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.masthead.db.Database;

/**
 * Content API tokens: created and revoked by admins, shown once, stored as SHA-256 only.
 * A token reads {@code mh_} followed by 43 URL-safe characters (256 random bits).
 */
public final class ApiTokens {
    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The new token's secret (to show once) and its row. */
    public record Created(String secret, ApiToken token) {}

    public Created create(String name, ApiToken.Scope scope, User admin) {
        if (!admin.role().canManageUsers()) throw new IllegalArgumentException("only admins create API tokens");
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100 || org.masthead.http.PlainText.hasControl(clean)) throw new IllegalArgumentException("Give the token a name of 1 to 100 characters, no control characters (who or what uses it).");
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = "mh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.millis();
        long id = db.transaction(h -> h.createQuery("""
                insert into api_token (name, token_hash, scope, created_by, created_at) values (:n, :h, :s, :u, :now) returning id
                """).bind("n", clean).bind("h", Accounts.sha256(secret)).bind("s", scope.dbValue()).bind("u", admin.id()).bind("now", now)
            .mapTo(Long.class).one());
        return new Created(secret, new ApiToken(id, clean, scope, now, null, null, admin.id()));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        long used = rs.getLong("last_used_at");
        Long lastUsed = rs.wasNull() ? null : used;
        long revoked = rs.getLong("revoked_at");
        Long revokedAt = rs.wasNull() ? null : revoked;
        long by = rs.getLong("created_by");
        Long createdBy = rs.wasNull() ? null : by;
        return new ApiToken(rs.getLong("id"), rs.getString("name"), ApiToken.Scope.parse(rs.getString("scope")), rs.getLong("created_at"),
            lastUsed, revokedAt, createdBy);
    }

    /** The live token with this secret, if any (and notes its use). */
    public Optional<ApiToken> verify(String secret) {
        if (secret == null || !secret.startsWith("mh_") || secret.length() > 100) return Optional.empty();
        // A token works only while its creator's account does: disabling someone stops their tokens too.
        var found = db.read(h -> h.createQuery("""
                select t.* from api_token t join app_user u on u.id = t.created_by
                 where t.token_hash = :h and t.revoked_at is null and u.disabled = false
                """)
            .bind("h", Accounts.sha256(secret)).map((rs, ctx) -> token(rs)).findOne());
        found.ifPresent(t -> db.useTransaction(h -> h.createUpdate("update api_token set last_used_at = :now where id = :id")
            .bind("now", clock.millis()).bind("id", t.id()).execute()));
        return found;
    }

    public List<ApiToken> list() {
        return db.read(h -> h.createQuery("select * from api_token order by revoked_at is not null, created_at desc").map((rs, ctx) -> token(rs)).list());
    }

    public void revoke(long id) {
        db.useTransaction(h -> h.createUpdate("update api_token set revoked_at = :now where id = :id and revoked_at is null")
            .bind("now", clock.millis()).bind("id", id).execute());
    }
}
