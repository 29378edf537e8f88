package org.masthead.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.db.Database;

/**
 * The audit log: every transition, publish, schedule and kill (written by article's use cases in
 * their own transactions), and every sign-in, permission change and token change (written here),
 * with who, what, when and from which address.
 */
public final class AuditLog {
    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One line: when, who (email; empty for the system), what, on what, from where. */
    public record Event(long at, String who, String action, String subject, String address) {}

    /** Filters; null or empty means any. {@code from}/{@code to} are epoch ms, to exclusive. */
    public record Filter(@Nullable String action, @Nullable String who, @Nullable Long from, @Nullable Long to) {}

    public void record(@Nullable Long userId, String action, String subject, String address) {
        db.useTransaction(h -> h.createUpdate("insert into audit_event (at, user_id, action, subject, address) values (:at, :u, :a, :s, :ip)")
            .bind("at", clock.millis()).bind("u", userId).bind("a", action).bind("s", subject).bind("ip", address == null ? "" : address).execute());
    }

    /** Newest first. */
    public List<Event> list(Filter f, int limit) {
        return db.read(h -> {
            var where = new ArrayList<String>();
            where.add("1 = 1");
            if (f.action() != null && !f.action().isBlank()) where.add("e.action like :action escape '!'");
            if (f.who() != null && !f.who().isBlank()) where.add("u.email = :who");
            if (f.from() != null) where.add("e.at >= :from");
            if (f.to() != null) where.add("e.at < :to");
            var q = h.createQuery("select e.at, coalesce(u.email, '') as who, e.action, e.subject, e.address from audit_event e"
                + " left join app_user u on u.id = e.user_id where " + String.join(" and ", where) + " order by e.at desc, e.id desc limit :n");
            if (f.action() != null && !f.action().isBlank()) q.bind("action", f.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            if (f.who() != null && !f.who().isBlank()) q.bind("who", f.who().strip().toLowerCase(java.util.Locale.ROOT));
            if (f.from() != null) q.bind("from", f.from());
            if (f.to() != null) q.bind("to", f.to());
            return q.bind("n", limit).map((rs, ctx) -> new Event(rs.getLong("at"), rs.getString("who"), rs.getString("action"),
                rs.getString("subject"), rs.getString("address"))).list();
        });
    }

    /** The events as CSV (RFC 4180), each cell that a spreadsheet would run as a formula made inert with a leading apostrophe. */
    public static String csv(List<Event> events) {
        var out = new StringBuilder("at,who,action,subject,address\r\n");
        for (var e : events) {
            out.append(java.time.Instant.ofEpochMilli(e.at())).append(',').append(cell(e.who())).append(',').append(cell(e.action())).append(',')
                .append(cell(e.subject())).append(',').append(cell(e.address())).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String v) {
        var s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return s.matches(".*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
