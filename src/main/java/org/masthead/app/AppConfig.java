package org.masthead.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The whole configuration tree, read once at boot from defaults, then an optional properties file,
 * then {@code MASTHEAD_*} environment variables. Each feature receives only its own sub-record.
 * Any invalid or unknown key stops boot with a message naming it.
 */
public record AppConfig(Http http, Db db, Media media, Popularity popularity, Redis redis, Site site, Cdn cdn, Ops ops, Wire wire) {

    /** Wire ingest: RSS/Atom feeds polled every {@code feedInterval} (conditional GET, back-off), and a folder watched for ninjs/NewsML-G2 files. */
    public record Wire(List<Feed> feeds, Duration feedInterval, @org.jspecify.annotations.Nullable Path folder) {
        public record Feed(String name, String url) {}

        public Wire {
            if (feedInterval.toSeconds() < 30) throw new ConfigException("wire.feed-interval-seconds", "must be at least 30 (agencies ask for no more)");
            for (var f : feeds) {
                if (!f.url().startsWith("https://") && !f.url().startsWith("http://")) throw new ConfigException("wire.feeds", "feed " + f.name() + " needs an http(s) URL");
            }
            feeds = List.copyOf(feeds);
        }

        static List<Feed> parse(String spec) {
            var out = new java.util.ArrayList<Feed>();
            for (var part : spec.split(",")) {
                if (part.isBlank()) continue;
                int eq = part.indexOf('=');
                if (eq <= 0) throw new ConfigException("wire.feeds", "write each feed as name=url, separated by commas; got '" + part.strip() + "'");
                var name = part.substring(0, eq).strip();
                if (!name.matches("[A-Za-z0-9 ._-]{1,40}")) throw new ConfigException("wire.feeds", "a feed name is letters, digits, spaces, dots and dashes: '" + name + "'");
                out.add(new Feed(name, part.substring(eq + 1).strip()));
            }
            return out;
        }
    }

    /** {@code metricsToken} empty: /_/metrics only for scrapers on this machine. Never printed. */
    public record Ops(String metricsToken) {
        @Override public String toString() { return "Ops[metricsToken=" + (metricsToken.isEmpty() ? "none" : "***") + "]"; }
    }

    /** Purging a CDN on publish: {@code purgeUrl} empty = off; {@code purgeHeader} "Name: value" is never logged. */
    public record Cdn(String purgeUrl, String purgeHeader) {
        public Cdn {
            if (!purgeHeader.isEmpty() && !purgeHeader.matches("[A-Za-z0-9-]+:.+")) throw new ConfigException("cdn.purge-header", "must look like 'Name: value'");
        }
        @Override public String toString() { return "Cdn[" + (purgeUrl.isEmpty() ? "off" : purgeUrl) + "]"; }
    }

    /** {@code searchesPerSecond}: the node's budget of reader searches (0: 25 a second per core). */
    public record Http(String host, int port, int apiRequestsPerMinute, boolean allowPrivateTargets, Duration webhookRetryBase,
                       String trustedProxies, int searchesPerSecond) {
        public Http {
            try {
                org.masthead.http.ClientAddress.trusting(trustedProxies);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("http.trusted-proxies", e.getMessage());
            }
            if (port < 0 || port > 65535) throw new ConfigException("http.port", "must be between 0 and 65535");
            if (apiRequestsPerMinute < 1) throw new ConfigException("api.requests-per-minute", "must be > 0");
            if (searchesPerSecond < 0) throw new ConfigException("search.per-second", "must be 0 (25 a second per core) or more");
        }
    }

    /** {@code url} empty means embedded SQLite in {@code dataDir}. */
    public record Db(Path dataDir, String url, String user, String password, int poolSize) {
        public Db {
            if (poolSize < 1 || poolSize > 200) throw new ConfigException("database.pool-size", "must be between 1 and 200");
            if (!url.isEmpty() && !url.startsWith("jdbc:postgresql://") && !url.startsWith("postgresql://")) {
                throw new ConfigException("database.url", "must start with jdbc:postgresql:// (or be empty for embedded SQLite)");
            }
        }
        public boolean isEmbedded() { return url.isEmpty(); }
        @Override public String toString() { // never log the password
            return "Db[dataDir=" + dataDir + ", url=" + (isEmbedded() ? "sqlite" : url.replaceAll("password=[^&]*", "password=***")) + "]";
        }
    }

    public record Media(Path storageDir, long maxUploadBytes, long maxPixels, List<Integer> renditionWidths, boolean requireAltAndCredit) {
        public Media {
            if (maxUploadBytes <= 0) throw new ConfigException("media.max-upload-bytes", "must be > 0");
            if (maxPixels <= 0) throw new ConfigException("media.max-pixels", "must be > 0");
            if (renditionWidths.isEmpty() || renditionWidths.stream().anyMatch(w -> w < 16 || w > 8192)) {
                throw new ConfigException("media.rendition-widths", "must be a comma-separated list of widths from 16 to 8192");
            }
            renditionWidths = renditionWidths.stream().sorted().distinct().toList();
        }
    }

    /** The Most Popular engine: one tick flushes views and recomputes rankings. */
    public record Popularity(Duration tick, int perAddressPerMinute, int maxRememberedReaders, int maxPendingKeys, int retentionDays) {
        public Popularity {
            if (tick.toMillis() < 50 || tick.toMillis() > 60_000) throw new ConfigException("popularity.tick-millis", "must be between 50 and 60000");
            if (perAddressPerMinute < 1) throw new ConfigException("popularity.per-address-per-minute", "must be > 0");
            if (maxRememberedReaders < 1000) throw new ConfigException("popularity.max-remembered-readers", "must be at least 1000");
            if (maxPendingKeys < 1000) throw new ConfigException("popularity.max-pending-keys", "must be at least 1000");
            if (retentionDays < 31) throw new ConfigException("popularity.retention-days", "must be at least 31 (days beyond the 30-day window)");
        }
    }

    /** Cluster mode: {@code url} empty means embedded (views in SQL). */
    public record Redis(String url, String keyPrefix) {
        public Redis {
            if (!url.isEmpty() && !url.startsWith("redis://") && !url.startsWith("rediss://")) throw new ConfigException("redis.url", "must start with redis:// or rediss://");
            if (!keyPrefix.matches("[A-Za-z0-9:_.-]{1,64}")) throw new ConfigException("redis.key-prefix", "use 1-64 letters, digits, ':', '_', '.' or '-'");
        }
        public boolean enabled() { return !url.isEmpty(); }
        @Override public String toString() { return "Redis[" + (url.isEmpty() ? "off" : url.replaceAll("//[^@]*@", "//***@")) + "]"; }
    }

    /**
     * {@code timeZone}: the newsroom's clock for scheduling and the times it shows (readers see UTC in the page's datetime).
     * {@code explicitKeys}: the site.* keys the operator set (file, environment or flag), which the newsroom's settings cannot change.
     */
    public record Site(String name, String language, String baseUrl, java.time.ZoneId timeZone, java.time.Duration archiveLabelAfter,
                       java.util.Set<String> explicitKeys) {
        public Site {
            if (name.isBlank()) throw new ConfigException("site.name", "must not be blank");
            if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) throw new ConfigException("site.language", "must be a BCP 47 tag such as en or en-GB");
        }
    }

    public static final class ConfigException extends RuntimeException {
        public ConfigException(String key, String problem) { super("configuration " + key + ": " + problem); }
    }

    static final Map<String, String> DEFAULTS = Map.ofEntries(
        Map.entry("http.host", "0.0.0.0"),
        Map.entry("http.port", "8080"),
        Map.entry("api.requests-per-minute", "600"),
        Map.entry("http.allow-private-targets", "false"),
        Map.entry("http.trusted-proxies", ""),
        Map.entry("search.per-second", "0"),
        Map.entry("webhooks.retry-base-millis", "30000"),
        Map.entry("cdn.purge-url", ""),
        Map.entry("ops.metrics-token", ""),
        Map.entry("cdn.purge-header", ""),
        Map.entry("wire.feeds", ""),
        Map.entry("wire.feed-interval-seconds", "300"),
        Map.entry("wire.folder", ""),
        Map.entry("data.dir", "data"),
        Map.entry("database.url", ""),
        Map.entry("database.user", ""),
        Map.entry("database.password", ""),
        Map.entry("database.pool-size", "8"),
        Map.entry("media.max-upload-bytes", String.valueOf(25L * 1024 * 1024)),
        Map.entry("media.max-pixels", String.valueOf(60_000_000L)),
        Map.entry("media.rendition-widths", "320,640,960,1280,1920"),
        Map.entry("media.require-alt-and-credit", "false"),
        Map.entry("popularity.tick-millis", "500"),
        Map.entry("popularity.per-address-per-minute", "120"),
        Map.entry("popularity.max-remembered-readers", "500000"),
        Map.entry("popularity.max-pending-keys", "1000000"),
        Map.entry("popularity.retention-days", "730"),
        Map.entry("redis.url", ""),
        Map.entry("redis.key-prefix", "masthead"),
        Map.entry("site.name", "The Masthead"),
        Map.entry("site.language", "en"),
        Map.entry("site.base-url", "http://localhost:8080"),
        Map.entry("site.time-zone", "UTC"),
        Map.entry("site.archive-label-after-days", "365"));

    /** Environment variable for a key: {@code media.max-upload-bytes} → {@code MASTHEAD_MEDIA_MAX_UPLOAD_BYTES}. */
    static String envName(String key) {
        return "MASTHEAD_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /** Defaults, then {@code file} properties, then environment, then explicit overrides (command-line flags). */
    public static AppConfig load(Properties file, Map<String, String> env, Map<String, String> overrides) {
        var values = new TreeMap<>(DEFAULTS);
        var explicit = new java.util.TreeSet<String>();
        for (var key : file.stringPropertyNames()) {
            if (!DEFAULTS.containsKey(key)) throw new ConfigException(key, "unknown key in the configuration file");
            values.put(key, file.getProperty(key).trim());
            explicit.add(key);
        }
        var known = new java.util.HashSet<String>();
        for (var key : DEFAULTS.keySet()) {
            known.add(envName(key));
            var v = env.get(envName(key));
            if (v != null) {
                values.put(key, v.trim());
                explicit.add(key);
            }
        }
        for (var name : env.keySet()) {
            if (name.startsWith("MASTHEAD_") && !known.contains(name) && !name.equals("MASTHEAD_CONFIG")) {
                throw new ConfigException(name, "unknown environment variable (known: " + String.join(", ", new TreeMap<>(toEnv()).keySet()) + ", MASTHEAD_CONFIG)");
            }
        }
        for (var e : overrides.entrySet()) {
            if (!DEFAULTS.containsKey(e.getKey())) throw new ConfigException(e.getKey(), "unknown key");
            values.put(e.getKey(), e.getValue());
            explicit.add(e.getKey());
        }
        return from(values, explicit);
    }

    private static Map<String, String> toEnv() {
        var m = new TreeMap<String, String>();
        DEFAULTS.keySet().forEach(k -> m.put(envName(k), k));
        return m;
    }

    static AppConfig from(Map<String, String> v) { return from(v, java.util.Set.of()); }

    static AppConfig from(Map<String, String> v, java.util.Set<String> explicit) {
        var dataDir = Path.of(v.get("data.dir"));
        var url = v.get("database.url");
        return new AppConfig(
            new Http(v.get("http.host"), integer(v, "http.port"), integer(v, "api.requests-per-minute"), bool(v, "http.allow-private-targets"),
                Duration.ofMillis(number(v, "webhooks.retry-base-millis")), v.get("http.trusted-proxies"), integer(v, "search.per-second")),
            new Db(dataDir, url, v.get("database.user"), v.get("database.password"), integer(v, "database.pool-size")),
            new Media(dataDir.resolve("media"), number(v, "media.max-upload-bytes"), number(v, "media.max-pixels"), widths(v),
                bool(v, "media.require-alt-and-credit")),
            new Popularity(Duration.ofMillis(number(v, "popularity.tick-millis")), integer(v, "popularity.per-address-per-minute"),
                integer(v, "popularity.max-remembered-readers"), integer(v, "popularity.max-pending-keys"), integer(v, "popularity.retention-days")),
            new Redis(v.get("redis.url"), v.get("redis.key-prefix")),
            new Site(v.get("site.name"), v.get("site.language"), v.get("site.base-url"), zone(v.get("site.time-zone")),
                java.time.Duration.ofDays(number(v, "site.archive-label-after-days")),
                explicit.stream().filter(k -> k.startsWith("site.")).collect(java.util.stream.Collectors.toUnmodifiableSet())),
            new Cdn(v.get("cdn.purge-url"), v.get("cdn.purge-header")),
            new Ops(v.get("ops.metrics-token")),
            new Wire(Wire.parse(v.get("wire.feeds")), Duration.ofSeconds(number(v, "wire.feed-interval-seconds")),
                v.get("wire.folder").isBlank() ? null : Path.of(v.get("wire.folder"))));
    }

    private static boolean bool(Map<String, String> v, String key) {
        return switch (v.get(key).toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key, "must be true or false, got '" + v.get(key) + "'");
        };
    }

    private static List<Integer> widths(Map<String, String> v) {
        try {
            return java.util.Arrays.stream(v.get("media.rendition-widths").split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new ConfigException("media.rendition-widths", "must be a comma-separated list of whole numbers, got '" + v.get("media.rendition-widths") + "'");
        }
    }

    private static int integer(Map<String, String> v, String key) {
        long n = number(v, key);
        if (n > Integer.MAX_VALUE) throw new ConfigException(key, "is too large");
        return (int) n;
    }

    private static long number(Map<String, String> v, String key) {
        try {
            return Long.parseLong(v.get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, got '" + v.get(key) + "'");
        }
    }

    private static java.time.ZoneId zone(String id) {
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("site.time-zone", "must be a time zone such as UTC or Europe/London, not '" + id + "'");
        }
    }
}
