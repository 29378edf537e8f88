package org.masthead.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.masthead.account.Role;
import org.masthead.app.App;
import org.masthead.app.AppConfig;
import org.masthead.db.Database;

/**
 * The real app on a random port with a fresh data folder and a fresh database: a new SQLite file,
 * or a new database on the PostgreSQL server at 127.0.0.1:5432 (dropped on close).
 */
public final class TestApp implements AutoCloseable {
    public static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final App app;
    private final Path dataDir;
    private final String pgDatabase;

    private TestApp(App app, Path dataDir, String pgDatabase) {
        this.app = app;
        this.dataDir = dataDir;
        this.pgDatabase = pgDatabase;
    }

    public static TestApp start(Database.Engine engine) { return start(engine, Map.of()); }

    public static TestApp start(Database.Engine engine, Map<String, String> settings) {
        try {
            var dir = Files.createTempDirectory("masthead-test-");
            var values = new HashMap<String, String>();
            values.put("http.host", "127.0.0.1");
            values.put("http.port", "0");
            values.put("data.dir", dir.toString());
            values.put("popularity.tick-millis", "200");
            values.put("popularity.per-address-per-minute", "100000"); // every test visitor comes from 127.0.0.1
            values.put("media.max-upload-bytes", String.valueOf(2 * 1024 * 1024));
            String db = null;
            if (engine == Database.Engine.POSTGRESQL) {
                db = "masthead_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                admin("create database " + db);
                values.put("database.url", "jdbc:postgresql://127.0.0.1:5432/" + db);
                values.put("database.user", "postgres");
            }
            values.putAll(settings);
            var config = AppConfig.load(new Properties(), Map.of(), values);
            return new TestApp(App.start(config, Clock.systemUTC()), dir, db);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void admin(String sql) {
        try (var c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", ""); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
    }

    public String baseUrl() { return "http://127.0.0.1:" + app.port(); }

    public App.Services services() { return app.services(); }

    public AppConfig config() { return app.config(); }

    public org.masthead.cluster.Jobs jobs() { return app.jobs(); }

    public java.util.List<App.Route> routes() { return app.routes(); }

    public Path dataDir() { return dataDir; }

    /** A new cookie-keeping HTTP client, as one visitor. */
    public Browser browser() { return new Browser(baseUrl()); }

    /** Adds a user and returns a browser signed in as them. */
    public Browser signedIn(String email, Role role) {
        var password = "correct horse battery " + role.dbValue();
        services().accounts().create(email, null, role, password);
        var b = browser();
        var res = b.signIn(email, password);
        if (res.status() != 302) throw new IllegalStateException("sign-in failed: " + res.status() + " " + res.body());
        return b;
    }

    @Override
    public void close() {
        app.close();
        if (pgDatabase != null) admin("drop database if exists " + pgDatabase + " with (force)");
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
