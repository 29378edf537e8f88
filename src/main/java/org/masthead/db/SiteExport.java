package org.masthead.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The whole site as one zip in a documented, engine-neutral format (docs/export.md): one JSON Lines
 * file per table, rows in primary-key order with every column (dates as epoch milliseconds, booleans
 * as JSON booleans), the media folder's files under {@code media/}, a {@code manifest.json}
 * with counts and a {@code schema.json} (JSON Schema, draft 2020-12) describing every record.
 * Stories come with every revision, correction and note; users without password hashes (they set a new
 * password by reset). Sessions, tokens, secrets, autosaves, counters, job leases and webhook settings
 * are not content and stay behind. {@link #load} brings an export into an empty site, ids kept, on
 * either engine, so SQLite → PostgreSQL is an export and a load.
 */
public final class SiteExport {
    public static final String FORMAT = "masthead-export/1";

    /** The tables exported, parents before children so a load never breaks a reference. */
    public static final List<String> TABLES = List.of("app_user", "section", "user_section", "section_redirect", "media", "author", "tag",
        "article", "article_author", "article_tag", "article_revision", "correction", "article_note", "note_mention", "copy_dismissal", "redirect",
        "name_repair", "static_page", "static_page_revision", "front_slot", "site_setting", "audit_event", "import_item", "wire_item");

    /** What stays behind, and why (a test checks every table is in one list or the other). */
    public static final Map<String, String> LEFT_OUT = Map.ofEntries(
        Map.entry("account_link", "invitation and reset links: secrets"), Map.entry("api_token", "tokens: secrets, issue new ones"),
        Map.entry("app_secret", "keys of this installation"), Map.entry("autosave", "unsaved typing of signed-in people"),
        Map.entry("flyway_schema_history", "the schema's own history (the target migrates itself)"), Map.entry("job_lease", "which node runs a job now"),
        Map.entry("site_version", "a change counter"), Map.entry("trusted_device", "sign-in state"), Map.entry("user_session", "sign-in state"),
        Map.entry("view_bucket", "reader counters"), Map.entry("view_day", "reader counters"), Map.entry("view_hour", "reader counters"),
        Map.entry("webhook", "integrations: their URLs and signing secrets are set up again"), Map.entry("webhook_delivery", "delivery attempts"),
        Map.entry("article_event", "the change log between nodes"), Map.entry("import_run", "import checkpoints of this machine"),
        Map.entry("wire_feed", "feed polling state (the feeds themselves are configuration)"));

    /** Columns never exported. */
    static final Map<String, Set<String>> SECRET_COLUMNS = Map.of("app_user", Set.of("password_hash"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteExport() {}

    public record Summary(Map<String, Long> rows, int mediaFiles, long bytes) {}

    /** Column name → JSON type ("integer", "number", "string", "boolean") of a table, in the table's column order. */
    static Map<String, String> columns(Database db, String table) {
        return db.read(h -> {
            var out = new LinkedHashMap<String, String>();
            try (var rs = h.getConnection().createStatement().executeQuery("select * from " + table + " where 1 = 0")) {
                var md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    var name = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                    var declared = md.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT);
                    int type = md.getColumnType(i);
                    String json;
                    if (declared.startsWith("bool") || type == Types.BOOLEAN || type == Types.BIT) json = "boolean";
                    else if (declared.contains("int") || type == Types.INTEGER || type == Types.BIGINT || type == Types.SMALLINT) json = "integer";
                    else if (declared.contains("real") || declared.contains("double") || declared.contains("float") || declared.contains("numeric")
                        || type == Types.DOUBLE || type == Types.REAL || type == Types.FLOAT) json = "number";
                    else json = "string";
                    if (!SECRET_COLUMNS.getOrDefault(table, Set.of()).contains(name)) out.put(name, json);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("reading the columns of " + table + ": " + e.getMessage(), e);
            }
            return out;
        });
    }

    private static String orderBy(Map<String, String> columns) {
        if (columns.containsKey("id")) return "id";
        return String.join(", ", columns.keySet().stream().limit(3).toList());
    }

    /** Writes the site to {@code zip}: tables, then the media folder's files. */
    public static Summary export(Database db, Path mediaDir, OutputStream out, String siteName) throws IOException {
        var counts = new LinkedHashMap<String, Long>();
        var schemaDefs = new LinkedHashMap<String, Object>();
        int media = 0;
        long bytes = 0;
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var table : TABLES) {
                var columns = columns(db, table);
                zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
                long n = db.read(h -> {
                    long count = 0;
                    var sql = "select " + String.join(", ", columns.keySet()) + " from " + table + " order by " + orderBy(columns);
                    try (var st = h.getConnection().createStatement(); var rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            ObjectNode row = JSON.createObjectNode();
                            int i = 1;
                            for (var c : columns.entrySet()) {
                                var v = rs.getObject(i++);
                                if (v == null) row.putNull(c.getKey());
                                else switch (c.getValue()) {
                                    case "boolean" -> row.put(c.getKey(), v instanceof Boolean b ? b.booleanValue() : ((Number) v).longValue() != 0);
                                    case "integer" -> row.put(c.getKey(), ((Number) v).longValue());
                                    case "number" -> row.put(c.getKey(), ((Number) v).doubleValue());
                                    default -> row.put(c.getKey(), v.toString());
                                }
                            }
                            zip.write(JSON.writeValueAsBytes(row));
                            zip.write('\n');
                            count++;
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("exporting " + table + ": " + e.getMessage(), e);
                    }
                    return count;
                });
                zip.closeEntry();
                counts.put(table, n);
                var props = new LinkedHashMap<String, Object>();
                columns.forEach((k, v) -> props.put(k, Map.of("type", List.of(v, "null"))));
                schemaDefs.put(table, Map.of("type", "object", "additionalProperties", false, "required", List.copyOf(columns.keySet()), "properties", props));
            }
            if (Files.isDirectory(mediaDir)) {
                var files = new ArrayList<Path>();
                try (var walk = Files.walk(mediaDir)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
                for (var f : files) {
                    zip.putNextEntry(new ZipEntry("media/" + mediaDir.relativize(f).toString().replace('\\', '/')));
                    bytes += Files.copy(f, zip);
                    zip.closeEntry();
                    media++;
                }
            }
            var schema = new LinkedHashMap<String, Object>();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("$id", "https://masthead.example/schemas/export-1.json");
            schema.put("title", "Masthead site export, format " + FORMAT + ": one record of tables/<name>.jsonl per line; see $defs/<name>");
            schema.put("$defs", schemaDefs);
            zip.putNextEntry(new ZipEntry("schema.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(schema));
            zip.closeEntry();
            var manifest = new LinkedHashMap<String, Object>();
            manifest.put("format", FORMAT);
            manifest.put("site", siteName);
            manifest.put("exported_at", Instant.now().toString());
            manifest.put("tables", counts);
            manifest.put("media_files", media);
            manifest.put("left_out", new TreeMap<>(LEFT_OUT));
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        }
        return new Summary(counts, media, bytes);
    }

    /** Whether the site holds no content yet (a fresh install may have its default sections and settings). */
    public static boolean empty(Database db) {
        return db.read(h -> h.createQuery("select (select count(*) from article) + (select count(*) from app_user) + (select count(*) from media) "
            + "+ (select count(*) from static_page)").mapTo(Long.class).one()) == 0;
    }

    /**
     * Loads an export into an empty site, all in one transaction (a refusal or a failure leaves the site as it was), then its media files.
     * Users come without a password: each sets one by reset.
     */
    public static Summary load(Database db, Path mediaDir, Path zipFile) throws IOException {
        if (!empty(db)) throw new IllegalArgumentException("the site is not empty: a site export loads only into a new site");
        try (var zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            var manifestEntry = zip.getEntry("manifest.json");
            if (manifestEntry == null) throw new IllegalArgumentException(zipFile + " is not a Masthead export (no manifest.json)");
            JsonNode manifest = JSON.readTree(zip.getInputStream(manifestEntry));
            if (!FORMAT.equals(manifest.path("format").asText())) {
                throw new IllegalArgumentException(zipFile + " is format '" + manifest.path("format").asText() + "'; this version reads " + FORMAT);
            }
            var counts = new LinkedHashMap<String, Long>();
            db.useTransaction(h -> {
                for (var table : List.of("site_setting", "section_redirect", "user_section", "section")) { // a fresh site's defaults give way
                    h.execute("delete from " + table);
                }
                for (var table : TABLES) {
                    var entry = zip.getEntry("tables/" + table + ".jsonl");
                    if (entry == null) continue; // an older export without a newer table
                    var columns = columns(db, table);
                    var names = new ArrayList<>(columns.keySet());
                    if (table.equals("app_user")) names.add("password_hash");
                    var sql = "insert into " + table + " (" + String.join(", ", names) + ") values (" + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
                    long n = 0;
                    try (var in = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
                         var st = h.getConnection().prepareStatement(sql)) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.isBlank()) continue;
                            var row = JSON.readTree(line);
                            int i = 1;
                            for (var c : columns.entrySet()) {
                                var v = row.get(c.getKey());
                                if (v == null || v.isNull()) st.setObject(i++, null);
                                else switch (c.getValue()) {
                                    case "boolean" -> {
                                        if (db.engine() == Database.Engine.POSTGRESQL) st.setBoolean(i++, v.asBoolean());
                                        else st.setInt(i++, v.asBoolean() ? 1 : 0);
                                    }
                                    case "integer" -> st.setLong(i++, v.asLong());
                                    case "number" -> st.setDouble(i++, v.asDouble());
                                    default -> st.setString(i++, v.asText());
                                }
                            }
                            if (table.equals("app_user")) st.setString(i, "!reset-required"); // matches no password
                            st.addBatch();
                            if (++n % 500 == 0) st.executeBatch();
                        }
                        st.executeBatch();
                    } catch (IOException | java.sql.SQLException e) {
                        throw new IllegalStateException("loading " + table + ": " + e.getMessage(), e);
                    }
                    counts.put(table, n);
                    if (db.engine() == Database.Engine.POSTGRESQL && columns.containsKey("id")) { // identities continue after the loaded ids
                        h.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from " + table + "), 0) + 1, false)");
                    }
                }
            });
            int media = 0;
            long bytes = 0;
            var base = mediaDir.toAbsolutePath().normalize();
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.isDirectory() || !e.getName().startsWith("media/")) continue;
                var target = base.resolve(e.getName().substring(6)).normalize();
                if (!target.startsWith(base)) throw new IllegalArgumentException("refused a file outside the media folder: " + e.getName());
                Files.createDirectories(target.getParent());
                try (var in = zip.getInputStream(e)) {
                    bytes += Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                media++;
            }
            return new Summary(counts, media, bytes);
        }
    }
}
