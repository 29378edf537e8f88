package org.masthead.testing;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.masthead.popularity.RedisViewStore;

/**
 * N app nodes in one JVM sharing one fresh PostgreSQL database and the Redis at 127.0.0.1:6379
 * under a key prefix of their own (deleted on close): cluster mode as production runs it.
 */
public final class TestCluster implements AutoCloseable {
    public static final String REDIS_URL = "redis://127.0.0.1:6379";
    private final List<TestApp> nodes = new ArrayList<>();
    private final String database;
    private final String prefix;

    public TestCluster(int size) {
        database = "masthead_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        prefix = "mh-test-" + UUID.randomUUID();
        try (var c = DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
            st.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < size; i++) {
            nodes.add(TestApp.start(org.masthead.db.Database.Engine.SQLITE, Map.of(
                "database.url", "jdbc:postgresql://127.0.0.1:5432/" + database, "database.user", "postgres",
                "redis.url", REDIS_URL, "redis.key-prefix", prefix)));
        }
    }

    public TestApp node(int i) { return nodes.get(i); }

    @Override
    public void close() {
        nodes.forEach(TestApp::close);
        try (var store = RedisViewStore.connect(REDIS_URL, prefix, 31)) {
            store.deleteAll();
        }
        try (var c = DriverManager.getConnection(TestApp.PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
