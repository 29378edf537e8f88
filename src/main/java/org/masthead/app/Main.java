package org.masthead.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.masthead.account.Role;
import org.masthead.article.Publishing;
import org.masthead.demo.DemoContent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The masthead command line: demo, run, user add. */
@Command(name = "masthead", mixinStandardHelpOptions = true, version = "masthead 0.1",
    description = "A news publishing platform.", subcommands = {Main.Demo.class, Main.Run.class, Main.UserCmd.class, Main.TokenCmd.class,
        Main.Backup.class, Main.Restore.class, Main.ImportCmd.class, Main.Export.class, Main.Reindex.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code (tests call this directly). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        var cli = new CommandLine(new Main());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("masthead: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static class ServerOptions {
        @Option(names = "--port", description = "HTTP port (default 8080)") Integer port;
        @Option(names = "--data", description = "data folder for SQLite and media (default ./data)") Path data;

        AppConfig config() throws IOException {
            var overrides = new HashMap<String, String>();
            if (port != null) overrides.put("http.port", String.valueOf(port));
            if (data != null) overrides.put("data.dir", data.toString());
            return loadConfig(overrides);
        }
    }

    /** The configuration, with {@code --data} (when given) as the data folder: what every maintenance command starts from. */
    static AppConfig configFor(Path data) throws IOException {
        var overrides = new HashMap<String, String>();
        if (data != null) overrides.put("data.dir", data.toString());
        return loadConfig(overrides);
    }

    static AppConfig loadConfig(Map<String, String> overrides) throws IOException {
        var props = new Properties();
        var file = System.getenv("MASTHEAD_CONFIG");
        if (file != null && !file.isBlank()) {
            var path = Path.of(file);
            if (!Files.isRegularFile(path)) throw new AppConfig.ConfigException("MASTHEAD_CONFIG", "no such file " + path);
            try (var in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(in);
            }
        }
        var config = AppConfig.load(props, System.getenv(), overrides);
        if (!overrides.containsKey("site.base-url") && System.getenv("MASTHEAD_SITE_BASE_URL") == null
            && !props.containsKey("site.base-url") && config.http().port() != 8080) {
            overrides.put("site.base-url", "http://localhost:" + config.http().port());
            config = AppConfig.load(props, System.getenv(), overrides);
        }
        return config;
    }

    static void serveUntilStopped(App app) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    @Command(name = "run", description = "Run the site (SQLite in the data folder, or MASTHEAD_DATABASE_URL).")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin ServerOptionsMixin options;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            var app = App.start(options.config(), Clock.systemUTC());
            System.out.printf("Masthead is running: http://localhost:%d/  (newsroom: http://localhost:%d/newsroom, started in %d ms)%n",
                app.port(), app.port(), (System.nanoTime() - t0) / 1_000_000);
            serveUntilStopped(app);
            return 0;
        }
    }

    @Command(name = "demo", description = "Run the site on SQLite with demo content and print a newsroom admin password.")
    static final class Demo implements Callable<Integer> {
        @CommandLine.Mixin ServerOptionsMixin options;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            var config = options.config();
            var clock = Clock.systemUTC();
            try (var services = new ClosingServices(App.services(config, clock))) {
                var s = services.s();
                DemoContent.fillIfEmpty(new DemoContent.Collaborators(s.articles(), s.users(), s.accounts(), s.taxonomy(), s.uploads(), s.views(),
                    at -> new Publishing(s.db(), s.articles(), s.taxonomy(), s.mediaStore(), s.changes(), s.node(), at, false)), clock, System.out);
            }
            var app = App.start(config, clock);
            var password = app.services().accounts().generatePassword();
            app.services().accounts().createOrResetPassword(DemoContent.ADMIN_EMAIL, "Demo Admin", Role.ADMIN, password);
            System.out.printf("%nMasthead demo is running (started in %d ms)%n  Site:      http://localhost:%d/%n"
                    + "  Newsroom:  http://localhost:%d/newsroom%n  Sign in:   %s%n  Password:  %s   (new on every demo start)%n",
                (System.nanoTime() - t0) / 1_000_000, app.port(), app.port(), DemoContent.ADMIN_EMAIL, password);
            serveUntilStopped(app);
            return 0;
        }
    }

    record ClosingServices(App.Services s) implements AutoCloseable {
        @Override public void close() { s.close(); }
    }

    public static class ServerOptionsMixin extends ServerOptions {}

    @Command(name = "user", description = "Manage newsroom users.", subcommands = {UserAdd.class})
    static final class UserCmd implements Runnable {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
    }

    @Command(name = "add", description = "Add a newsroom user; prints a generated password unless --password-stdin.")
    static final class UserAdd implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--email", required = true) String email;
        @Option(names = "--role", required = true, description = "contributor, editor or admin") String role;
        @Option(names = "--name", description = "display name (default: the part of the email before @)") String name;
        @Option(names = "--password-stdin", description = "read the password from standard input") boolean passwordStdin;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                err.println("masthead: --role: " + e.getMessage());
                return 2;
            }
            String password;
            if (passwordStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null) password = "";
            } else {
                password = null;
            }
            try (var services = new ClosingServices(App.services(configFor(data), Clock.systemUTC()))) {
                var accounts = services.s().accounts();
                var pw = password == null ? accounts.generatePassword() : password;
                try {
                    var user = accounts.create(email, name, parsed, pw);
                    out.println("Added " + user.role().dbValue() + " " + user.email());
                    if (password == null) out.println("Password: " + pw);
                    return 0;
                } catch (IllegalArgumentException e) {
                    err.println("masthead: " + e.getMessage());
                    return 2;
                }
            }
        }
    }

    @Command(name = "token", description = "Manage content API tokens.", subcommands = {TokenAdd.class, TokenRevoke.class})
    static final class TokenCmd implements Runnable {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
    }

    @Command(name = "add", description = "Add a content API token; prints it on the last line (it is shown once).")
    static final class TokenAdd implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--name", required = true, description = "who or what uses it") String name;
        @Option(names = "--scope", required = true, description = "read or editor") String scope;
        @Option(names = "--user", description = "the admin it belongs to (default: the first admin)") String user;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            org.masthead.account.ApiToken.Scope parsed;
            try {
                parsed = org.masthead.account.ApiToken.Scope.parse(scope);
            } catch (IllegalArgumentException e) {
                err.println("masthead: --scope must be read or editor, not '" + scope + "'");
                return 2;
            }
            try (var services = new ClosingServices(App.services(configFor(data), Clock.systemUTC()))) {
                var s = services.s();
                var owner = user == null
                    ? s.users().list().stream().filter(u -> u.role() == Role.ADMIN && !u.disabled()).findFirst()
                    : s.users().findByEmail(user.strip().toLowerCase(java.util.Locale.ROOT));
                if (owner.isEmpty() || owner.get().role() != Role.ADMIN || owner.get().disabled()) {
                    err.println("masthead: " + (user == null ? "there is no admin yet; add one with: ./masthead user add --role admin --email …"
                        : "--user " + user + " is not an enabled admin"));
                    return 2;
                }
                try {
                    var created = s.apiTokens().create(name, parsed, owner.get());
                    out.println("Added " + parsed.dbValue() + " token '" + created.token().name() + "' (id " + created.token().id() + ") for "
                        + owner.get().email() + "; it is shown once:");
                    out.println(created.secret());
                    return 0;
                } catch (IllegalArgumentException e) {
                    err.println("masthead: " + e.getMessage());
                    return 2;
                }
            }
        }
    }

    @Command(name = "revoke", description = "Revoke a content API token by its id.")
    static final class TokenRevoke implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(index = "0", description = "the token's id (shown by token add and on the API tokens page)") long id;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;

        @Override
        public Integer call() throws Exception {
            try (var services = new ClosingServices(App.services(configFor(data), Clock.systemUTC()))) {
                var tokens = services.s().apiTokens();
                if (tokens.list().stream().noneMatch(t -> t.id() == id && t.revokedAt() == null)) {
                    spec.commandLine().getErr().println("masthead: there is no live token with id " + id);
                    return 2;
                }
                tokens.revoke(id);
                spec.commandLine().getOut().println("Revoked token " + id);
                return 0;
            }
        }
    }

    @Command(name = "backup", description = "Snapshot the site (SQLite and media) into an empty folder while it keeps serving.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(index = "0", description = "the folder to write (it must not exist, or be empty)") Path target;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;

        @Override
        public Integer call() throws Exception {
            var config = configFor(data);
            if (!config.db().isEmbedded()) {
                spec.commandLine().getErr().println("masthead: this site runs on PostgreSQL; back it up with pg_dump and a copy of the media folder"
                    + " (docs/backup.md): pg_dump --format=custom --file=masthead.dump \"$MASTHEAD_DATABASE_URL\"");
                return 2;
            }
            try {
                long started = System.nanoTime();
                var s = org.masthead.db.Backups.backup(config.db().dataDir(), target);
                spec.commandLine().getOut().println("Backed up to " + s.dir() + ": database " + s.databaseBytes() / 1024 + " KiB, " + s.mediaFiles() + " media files ("
                    + s.mediaBytes() / 1024 + " KiB) in " + (System.nanoTime() - started) / 1_000_000 + " ms. Restore with: ./masthead restore " + s.dir());
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("masthead: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "reindex", description = "Rebuild the search index from the database, with progress; a running site keeps serving and takes it up.")
    static final class Reindex implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;
        @Option(names = "--threads", description = "stories read and analysed at once (default: half the cores, the rest left to the site)") Integer threads;

        @Override
        public Integer call() throws Exception {
            var config = configFor(data);
            var err = spec.commandLine().getErr();
            if (threads != null && (threads < 1 || threads > 256)) {
                err.println("masthead: --threads must be from 1 to 256, not " + threads);
                return 2;
            }
            try (var services = new ClosingServices(App.services(config, Clock.systemUTC()))) {
                long started = System.nanoTime();
                long[] shown = {0};
                var name = org.masthead.search.SearchIndex.rebuild(config.db().dataDir().resolve("search"), services.s().articles(), services.s().mediaStore(), services.s().changes(),
                    config.media().renditionWidths(), Clock.systemUTC(), (done, total) -> {
                        long now = System.nanoTime();
                        if (done < total && now - shown[0] < 250_000_000L) return;
                        shown[0] = now;
                        err.print("\r" + progressBar(done, total, now - started));
                        err.flush();
                    }, threads == null ? 0 : threads);
                err.println();
                spec.commandLine().getOut().println("Reindexed " + services.s().articles().count() + " stories into " + name + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms; a running site switches to it within a second.");
                return 0;
            }
        }
    }

    /** "[#####.....] 1,234 / 5,678 stories  52%  1,800/s  ETA 0:03" */
    static String progressBar(long done, long total, long elapsedNanos) {
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double rate = done / seconds;
        long eta = rate <= 0 || done >= total ? 0 : Math.round((total - done) / rate);
        return String.format(java.util.Locale.ROOT, "[%s%s] %,d / %,d stories %3d%%  %,.0f/s  ETA %d:%02d", "#".repeat(filled), ".".repeat(width - filled),
            done, total, total == 0 ? 100 : done * 100 / total, rate, eta / 60, eta % 60);
    }

    @Command(name = "restore", description = "Restore a backup into a data folder that holds no site yet.")
    static final class Restore implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(index = "0", description = "the backup folder") Path backup;
        @Option(names = "--data", description = "data folder to restore into (default ./data)") Path data;

        @Override
        public Integer call() throws Exception {
            var config = configFor(data);
            try {
                var s = org.masthead.db.Backups.restore(backup, config.db().dataDir());
                try (var services = new ClosingServices(App.services(config, Clock.systemUTC()))) { // migrates an older backup forward, and proves it opens
                    spec.commandLine().getOut().println("Restored " + backup + " into " + s.dir() + ": " + services.s().articles().listNames("author").size()
                        + " bylines, " + s.mediaFiles() + " media files. Start the site with: ./masthead run --data " + s.dir());
                }
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("masthead: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "export", description = "Write the whole site to a zip: JSON Lines per table, the media files, a JSON Schema (docs/export.md).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(index = "0", description = "the file to write (it must not exist)") Path file;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;
        @Option(names = "--format", description = "masthead (a zip, the default) or wxr (a WordPress export; the default for a .xml file)") String format;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(file)) {
                spec.commandLine().getErr().println("masthead: " + file + " exists; an export never overwrites a file");
                return 2;
            }
            var kind = format != null ? format : file.getFileName().toString().endsWith(".xml") ? "wxr" : "masthead";
            if (!kind.equals("wxr") && !kind.equals("masthead")) {
                spec.commandLine().getErr().println("masthead: --format is masthead or wxr, not '" + kind + "'");
                return 2;
            }
            var config = configFor(data);
            long started = System.nanoTime();
            var partial = file.resolveSibling(file.getFileName() + ".partial");
            try (var services = new ClosingServices(App.services(config, Clock.systemUTC())); var out = Files.newOutputStream(partial)) {
                if (kind.equals("wxr")) {
                    var s = services.s();
                    var w = org.masthead.importer.WxrExport.write(new java.io.BufferedOutputStream(out), config.site().name(), config.site().baseUrl(),
                        config.site().timeZone(), s.taxonomy().listSections(), s.articles(), s.mediaStore(),
                        new org.masthead.page.Pages(s.db(), s.taxonomy(), Clock.systemUTC()).list());
                    out.close();
                    Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    spec.commandLine().getOut().println("Exported to " + file + " (WordPress WXR 1.2): " + w.posts() + " posts, " + w.pages() + " pages, "
                        + w.attachments() + " photos as attachments, in " + (System.nanoTime() - started) / 1_000_000 + " ms. In WordPress: Tools → Import → WordPress; "
                        + "photos come from the site's addresses, or with ./masthead import wxr --media-dir " + config.media().storageDir() + ".");
                    return 0;
                }
                var s = org.masthead.db.SiteExport.export(services.s().db(), config.media().storageDir(), new java.io.BufferedOutputStream(out), config.site().name());
                out.close();
                Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine().getOut().println("Exported to " + file + ": " + s.rows().get("article") + " stories (" + s.rows().get("article_revision")
                    + " revisions), " + s.rows().get("media") + " photos, " + s.rows().get("app_user") + " users, " + s.mediaFiles() + " media files, in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms.");
                return 0;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    @Command(name = "site", description = "Load a site export (./masthead export) into a new, empty site: ids, revisions and media kept.")
    static final class ImportSite implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(index = "0", description = "the export zip") Path file;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("masthead: no such file " + file);
                return 2;
            }
            var config = configFor(data);
            long started = System.nanoTime();
            try (var services = new ClosingServices(App.services(config, Clock.systemUTC()))) {
                var s = org.masthead.db.SiteExport.load(services.s().db(), config.media().storageDir(), file);
                new org.masthead.cluster.SiteVersion(services.s().db()).bump();
                spec.commandLine().getOut().println("Loaded " + file + ": " + s.rows().getOrDefault("article", 0L) + " stories, " + s.rows().getOrDefault("media", 0L)
                    + " photos, " + s.rows().getOrDefault("app_user", 0L) + " users (each sets a new password by reset), " + s.mediaFiles() + " media files, in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms.");
                return 0;
            } catch (IllegalArgumentException | java.util.zip.ZipException e) {
                err.println("masthead: " + e.getMessage() + "; nothing was loaded.");
                return 2;
            }
        }
    }

    @Command(name = "import", description = "Bring content in.", subcommands = {ImportWxr.class, ImportSite.class})
    static final class ImportCmd implements Runnable {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
    }

    @Command(name = "wxr", description = "Import a WordPress export (WXR 1.0-1.2): posts, pages, authors, categories and tags; again updates, never duplicates.")
    static final class ImportWxr implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(index = "0", description = "the WordPress export file") Path file;
        @Option(names = "--data", description = "data folder (default ./data)") Path data;
        @Option(names = "--dry-run", description = "store nothing; report what would change") boolean dryRun;
        @Option(names = "--media-dir", description = "a copy of the site's wp-content/uploads folder, for its photos") Path mediaDir;
        @Option(names = "--fetch-media", description = "fetch photos the media folder lacks from their addresses (public addresses only)") boolean fetchMedia;
        @Option(names = "--create-users", description = "make each exported author a contributor account (they set a password by reset)") boolean createUsers;
        @Option(names = "--other-categories", description = "tags (default) or drop: what a post's categories after its first (its section) become",
            defaultValue = "tags") String otherCategories;

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("masthead: no such file " + file);
                return 2;
            }
            if (!otherCategories.equals("tags") && !otherCategories.equals("drop")) {
                err.println("masthead: --other-categories is tags or drop, not '" + otherCategories + "'");
                return 2;
            }
            if (mediaDir != null && !Files.isDirectory(mediaDir)) {
                err.println("masthead: --media-dir " + mediaDir + " is not a folder");
                return 2;
            }
            var config = configFor(data);
            try (var services = new ClosingServices(App.services(config, Clock.systemUTC()))) {
                var s = services.s();
                var admin = s.users().list().stream().filter(u -> u.role() == Role.ADMIN && !u.disabled()).findFirst();
                if (admin.isEmpty()) {
                    err.println("masthead: there is no admin yet (the import acts as one); add one with: ./masthead user add --role admin --email …");
                    return 2;
                }
                var importer = App.wxrImport(s, config, Clock.systemUTC());
                long started = System.nanoTime();
                long[] shown = {0};
                var options = new org.masthead.importer.WxrImport.Options(dryRun, mediaDir, fetchMedia, createUsers, otherCategories.equals("tags"), p -> {
                    if (System.nanoTime() - shown[0] < 1_000_000_000L) return;
                    shown[0] = System.nanoTime();
                    err.println("masthead: " + p.text());
                });
                try {
                    var report = importer.run(file, admin.get(), options);
                    if (!dryRun) new org.masthead.cluster.SiteVersion(s.db()).bump(); // new sections: running nodes re-render within a second
                    spec.commandLine().getOut().println(report.text());
                    spec.commandLine().getOut().println("In " + (System.nanoTime() - started) / 1_000_000 + " ms.");
                    return 0;
                } catch (org.masthead.importer.WxrReader.WxrException e) {
                    err.println("masthead: " + file + ": " + e.getMessage() + "; nothing was imported.");
                    return 2;
                }
            }
        }
    }
}
