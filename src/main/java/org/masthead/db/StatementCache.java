package org.masthead.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Prepared statements kept for the length of one long transaction (a batch of an import), so the same
 * SQL is prepared once rather than once per row (SQLite spends much of an import preparing). A
 * statement still in use (an open result being read) is never handed out twice; one like it is made.
 */
final class StatementCache extends DefaultStatementBuilder {
    private final Map<String, PreparedStatement> cached = new HashMap<>();
    private final Map<Statement, Boolean> inUse = new IdentityHashMap<>();

    private static String key(String sql, StatementContext ctx) {
        return (ctx.isReturningGeneratedKeys() ? "K" + String.join(",", ctx.getGeneratedKeysColumnNames()) : "-") + (ctx.isConcurrentUpdatable() ? "U" : "-") + sql;
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        var key = key(sql, ctx);
        var ps = cached.get(key);
        if (ps != null && !ps.isClosed() && !inUse.containsKey(ps)) {
            ps.clearParameters();
            inUse.put(ps, true);
            return ps;
        }
        var made = super.create(conn, sql, ctx);
        if (ps == null || ps.isClosed()) {
            cached.put(key, made);
            inUse.put(made, true);
        }
        return made;
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (inUse.remove(stmt) != null) return; // kept for the next row
        super.close(conn, sql, stmt);
    }

    void closeAll() {
        for (var ps : cached.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the connection goes back to the pool either way
            }
        }
        cached.clear();
        inUse.clear();
    }
}
