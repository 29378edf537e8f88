package org.masthead.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL store: a pooled connection to embedded SQLite (WAL) or PostgreSQL, migrated by Flyway
 * before anyone reads. Dates are stored as epoch milliseconds in both engines so stores share SQL.
 */
public final class Database implements AutoCloseable {
    public enum Engine { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Engine engine;
    private static final org.slf4j.Logger SQL_LOG = org.slf4j.LoggerFactory.getLogger("org.masthead.db.sql");
    private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();

    private Database(HikariDataSource pool, Engine engine) {
        this.pool = pool;
        this.engine = engine;
        this.jdbi = Jdbi.create(pool);
        this.jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                statements.increment();
                if (SQL_LOG.isDebugEnabled()) SQL_LOG.debug("{}", context.getRenderedSql().replaceAll("\\s+", " "));
            }
        });
    }

    /** Opens a store with only the SQL migrations: for benchmarks and tests on throwaway databases. */
    public static Database open(Path dataDir, String url, String user, String password, int poolSize) {
        return open(dataDir, url, user, password, poolSize, List.of());
    }

    /**
     * Opens the pool and applies migrations, the SQL ones of this engine's folder plus {@code javaMigrations}
     * (repairs that need Java, owned by their features and handed in by app); fails here rather than on the first request.
     */
    public static Database open(Path dataDir, String url, String user, String password, int poolSize, List<JavaMigration> javaMigrations) {
        var cfg = new HikariConfig();
        Engine engine;
        if (url.isEmpty()) {
            engine = Engine.SQLITE;
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create data folder " + dataDir + ": " + e.getMessage(), e);
            }
            cfg.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("masthead.db").toAbsolutePath());
            var props = new Properties();
            props.setProperty("journal_mode", "WAL");
            props.setProperty("synchronous", "NORMAL");
            props.setProperty("busy_timeout", "10000");
            props.setProperty("foreign_keys", "true");
            // Writers take the lock at BEGIN, so a read-then-write transaction never fails mid-way with SQLITE_BUSY.
            props.setProperty("transaction_mode", "IMMEDIATE");
            cfg.setDataSourceProperties(props);
            cfg.setMaximumPoolSize(Math.min(poolSize, 4)); // one writer at a time anyway; native calls pin carriers
        } else {
            engine = Engine.POSTGRESQL;
            cfg.setJdbcUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
            if (!user.isEmpty()) cfg.setUsername(user);
            if (!password.isEmpty()) cfg.setPassword(password);
            cfg.setMaximumPoolSize(poolSize);
        }
        cfg.setPoolName("masthead");
        cfg.setConnectionTimeout(10_000);
        var pool = new HikariDataSource(cfg);
        try {
            Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + engine.name().toLowerCase())
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                .load()
                .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, engine);
    }

    public Engine engine() { return engine; }

    /** SQL statements run through this store so far (metrics; tests count the queries of one use case). */
    public long statementCount() { return statements.sum(); }

    public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
        return jdbi.withHandle(callback);
    }

    /** Runs {@code callback} in one transaction; use cases open it, stores only use the handle. */
    public <R, X extends Exception> R transaction(HandleCallback<R, X> callback) throws X {
        if (engine != Engine.SQLITE) return jdbi.inTransaction(callback);
        writer.lock();
        try {
            return jdbi.inTransaction(callback);
        } finally {
            writer.unlock();
        }
    }

    public void useTransaction(java.util.function.Consumer<Handle> callback) {
        transaction(h -> {
            callback.accept(h);
            return null;
        });
    }

    /**
     * SQLite has one writer at a time; this process's writers queue here, first come first served, rather than in
     * SQLite's busy handler, which retries by sleeping and can leave one save waiting past its timeout (a 500) while
     * others get in. Another process (a CLI command) still meets the busy timeout.
     */
    private final java.util.concurrent.locks.ReentrantLock writer = new java.util.concurrent.locks.ReentrantLock(true);

    /**
     * One long transaction (a batch of an import) whose statements are prepared once each and reused for every row;
     * everything run on this thread inside it, nested transactions included, shares it.
     */
    public void useBatchTransaction(java.util.function.Consumer<Handle> callback) {
        useTransaction(h -> {
            var previous = h.getStatementBuilder();
            var cache = new StatementCache();
            h.setStatementBuilder(cache);
            try {
                callback.accept(h);
            } finally {
                h.setStatementBuilder(previous);
                cache.closeAll();
            }
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
