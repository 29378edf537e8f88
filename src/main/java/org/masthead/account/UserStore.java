package org.masthead.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.masthead.db.Database;

/** The SQL for users and their sessions. */
public final class UserStore {
    private final Database db;

    public UserStore(Database db) { this.db = db; }

    record Credentials(User user, String passwordHash) {}

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
            Role.parse(rs.getString("role")), rs.getBoolean("disabled"));
    }

    Optional<Credentials> findCredentials(String email) {
        return db.read(h -> h.createQuery("""
                select id, email, display_name, role, disabled, password_hash
                  from app_user where email = :email
                """).bind("email", email)
            .map((rs, ctx) -> new Credentials(user(rs), rs.getString("password_hash"))).findOne());
    }

    public Optional<User> findByEmail(String email) {
        return findCredentials(email).map(Credentials::user);
    }

    public Optional<User> find(long id) {
        return db.read(h -> h.createQuery("select id, email, display_name, role, disabled from app_user where id = :id")
            .bind("id", id).map((rs, ctx) -> user(rs)).findOne());
    }

    public List<User> list() {
        return db.read(h -> h.createQuery("select id, email, display_name, role, disabled from app_user order by email")
            .map((rs, ctx) -> user(rs)).list());
    }

    long insert(String email, String displayName, Role role, String hash, long now) {
        return db.transaction(h -> h.createQuery("""
                insert into app_user (email, display_name, password_hash, role, disabled, created_at)
                values (:email, :name, :hash, :role, false, :now) returning id
                """).bind("email", email).bind("name", displayName).bind("hash", hash)
            .bind("role", role.dbValue()).bind("now", now).mapTo(Long.class).one());
    }

    void updatePassword(long id, String hash) {
        db.useTransaction(h -> {
            h.createUpdate("update app_user set password_hash = :hash where id = :id").bind("hash", hash).bind("id", id).execute();
            h.createUpdate("delete from user_session where user_id = :id").bind("id", id).execute();
        });
    }

    void setDisabled(long id, boolean disabled) {
        db.useTransaction(h -> {
            h.createUpdate("update app_user set disabled = :d where id = :id").bind("d", disabled).bind("id", id).execute();
            if (disabled) h.createUpdate("delete from user_session where user_id = :id").bind("id", id).execute();
        });
    }

    void insertSession(String tokenHash, long userId, String csrf, long now, long expiresAt) {
        db.useTransaction(h -> h.createUpdate("""
                insert into user_session (token_hash, user_id, csrf_token, created_at, expires_at)
                values (:t, :u, :c, :now, :exp)
                """).bind("t", tokenHash).bind("u", userId).bind("c", csrf).bind("now", now).bind("exp", expiresAt).execute());
    }

    record SessionRow(User user, String csrfToken) {}

    Optional<SessionRow> findSession(String tokenHash, long now) {
        return db.read(h -> h.createQuery("""
                select u.id, u.email, u.display_name, u.role, u.disabled, s.csrf_token
                  from user_session s join app_user u on u.id = s.user_id
                 where s.token_hash = :t and s.expires_at > :now and u.disabled = false
                """).bind("t", tokenHash).bind("now", now)
            .map((rs, ctx) -> new SessionRow(user(rs), rs.getString("csrf_token"))).findOne());
    }

    void deleteSession(String tokenHash) {
        db.useTransaction(h -> h.createUpdate("delete from user_session where token_hash = :t").bind("t", tokenHash).execute());
    }

    void insertTrustedDevice(String tokenHash, long userId, long now) {
        db.useTransaction(h -> h.createUpdate("insert into trusted_device (token_hash, user_id, created_at, last_used_at) values (:t, :u, :now, :now)")
            .bind("t", tokenHash).bind("u", userId).bind("now", now).execute());
    }

    void touchTrustedDevice(String tokenHash, long now) {
        db.useTransaction(h -> h.createUpdate("update trusted_device set last_used_at = :now where token_hash = :t").bind("t", tokenHash).bind("now", now).execute());
    }

    /** The email of the (enabled) user who trusted this device, if any. */
    Optional<String> findTrustedDeviceOwner(String tokenHash) {
        return db.read(h -> h.createQuery("""
                select u.email from trusted_device d join app_user u on u.id = d.user_id where d.token_hash = :t and u.disabled = false
                """).bind("t", tokenHash).mapTo(String.class).findOne());
    }

    /** The sections an editor is limited to; empty: every section. */
    public java.util.Set<Long> listSections(long userId) {
        return new java.util.HashSet<>(db.read(h -> h.createQuery("select section_id from user_section where user_id = :u").bind("u", userId)
            .mapTo(Long.class).list()));
    }

    public void setSections(long userId, java.util.Set<Long> sections) {
        db.useTransaction(h -> {
            h.createUpdate("delete from user_section where user_id = :u").bind("u", userId).execute();
            for (long s : sections) h.createUpdate("insert into user_section (user_id, section_id) values (:u, :s)").bind("u", userId).bind("s", s).execute();
        });
    }

    void setRole(long id, Role role) {
        db.useTransaction(h -> h.createUpdate("update app_user set role = :r where id = :id").bind("r", role.dbValue()).bind("id", id).execute());
    }

    /** Enabled admins other than {@code exceptId}. */
    int countOtherActiveAdmins(long exceptId) {
        return db.read(h -> h.createQuery("select count(*) from app_user where role = 'admin' and disabled = false and id <> :id").bind("id", exceptId)
            .mapTo(Integer.class).one());
    }

    void insertLink(String tokenHash, long userId, String kind, @org.jspecify.annotations.Nullable Long createdBy, long now, long expiresAt) {
        db.useTransaction(h -> {
            h.createUpdate("update account_link set used_at = :now where user_id = :u and used_at is null").bind("now", now).bind("u", userId).execute();
            h.createUpdate("""
                    insert into account_link (token_hash, user_id, kind, created_by, created_at, expires_at) values (:t, :u, :k, :by, :now, :exp)""")
                .bind("t", tokenHash).bind("u", userId).bind("k", kind).bind("by", createdBy).bind("now", now).bind("exp", expiresAt).execute();
        });
    }

    /** The enabled user a live link belongs to, with the link's kind. */
    Optional<java.util.Map.Entry<User, String>> findLink(String tokenHash, long now) {
        return db.read(h -> h.createQuery("""
                select u.id, u.email, u.display_name, u.role, u.disabled, l.kind from account_link l join app_user u on u.id = l.user_id
                 where l.token_hash = :t and l.used_at is null and l.expires_at > :now and u.disabled = false""")
            .bind("t", tokenHash).bind("now", now).map((rs, ctx) -> java.util.Map.entry(user(rs), rs.getString("kind"))).findOne());
    }

    /** Uses the link (once) and sets the password in one transaction; false when it was used or expired meanwhile. */
    boolean redeemLink(String tokenHash, long userId, String passwordHash, long now) {
        return db.transaction(h -> {
            int n = h.createUpdate("update account_link set used_at = :now where token_hash = :t and used_at is null and expires_at > :now")
                .bind("now", now).bind("t", tokenHash).execute();
            if (n != 1) return false;
            h.createUpdate("update app_user set password_hash = :hash where id = :id").bind("hash", passwordHash).bind("id", userId).execute();
            h.createUpdate("delete from user_session where user_id = :id").bind("id", userId).execute();
            return true;
        });
    }
}
