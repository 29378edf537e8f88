package org.masthead.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8: repairs what the ASCII-only slugs merged. Before it, every name without Latin
 * letters slugged to "item", authors and tags were found by slug, and so the second Arabic
 * reporter's stories carried the first one's byline. This migration
 * <ol>
 *   <li>fills {@code name_key} for every author and tag (how they are found from now on);</li>
 *   <li>gives authors and tags slugged "item", "item-2" … a slug made from their own name;</li>
 *   <li>relinks each article's bylines and tags to the names last typed for it (its newest revision
 *       snapshot), creating the people and terms that had been merged away;</li>
 *   <li>re-slugs articles whose Unicode headline had slugged to "item" or to its digits alone,
 *       with a redirect from the old address when the story was published;</li>
 * </ol>
 * and writes every change, and whatever it could not decide, into {@code name_repair}, which admins
 * see on the Users page. Idempotent: a second run finds nothing to do.
 */
public final class NameRepair implements JavaMigration {
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public NameRepair(Clock clock) { this.clock = clock; }

    @Override public MigrationVersion getVersion() { return MigrationVersion.fromVersion("8"); }

    @Override public String getDescription() { return "repair names merged by ASCII slugs"; }

    @Override public Integer getChecksum() { return 8_001; }

    @Override public boolean canExecuteInTransaction() { return true; }

    @Override
    public void migrate(Context context) throws Exception {
        var c = context.getConnection();
        fillKeys(c, "author", "display_name", false);
        fillKeys(c, "tag", "name", true);
        reslug(c, "author", "display_name");
        reslug(c, "tag", "name");
        relinkArticles(c);
        reslugArticles(c);
        try (var st = c.createStatement()) {
            st.execute("create unique index author_name_key on author(name_key)");
            st.execute("create unique index tag_name_key on tag(name_key)");
        }
    }

    private void fillKeys(Connection c, String table, String nameColumn, boolean folded) throws SQLException {
        var rows = rows(c, "select id, " + nameColumn + " as name from " + table + " order by id");
        var seen = new HashMap<String, Long>();
        for (var r : rows) {
            long id = ((Number) r.get("id")).longValue();
            var name = (String) r.get("name");
            var key = folded ? Slugs.termKey(name) : Slugs.nameKey(name);
            if (seen.containsKey(key)) {
                note(c, table, table + ":" + id, "“" + name + "” has the same name as " + table + " " + seen.get(key)
                    + "; both kept apart, merge them by hand if they are one", true);
                key = key + "#" + id;
            }
            seen.put(key, id);
            update(c, "update " + table + " set name_key = ? where id = ?", key, id);
        }
    }

    private void reslug(Connection c, String table, String nameColumn) throws SQLException {
        for (var r : rows(c, "select id, slug, " + nameColumn + " as name from " + table + " order by id")) {
            var slug = (String) r.get("slug");
            var name = (String) r.get("name");
            if (!slug.matches("item(-[0-9]+)?") || Slugs.from(name).equals(Slugs.FALLBACK)) continue;
            long id = ((Number) r.get("id")).longValue();
            var fresh = free(c, table, Slugs.from(name));
            update(c, "update " + table + " set slug = ? where id = ?", fresh, id);
            note(c, table, table + ":" + id, "“" + name + "” moved from /" + table + "/" + slug + "/ to /" + table + "/" + fresh + "/", false);
        }
    }

    private void relinkArticles(Connection c) throws Exception {
        for (var r : rows(c, """
                select r.article_id, r.snapshot from article_revision r
                 where r.revision = (select max(revision) from article_revision x where x.article_id = r.article_id)
                """)) {
            long article = ((Number) r.get("article_id")).longValue();
            JsonNode snap = json.readTree((String) r.get("snapshot"));
            var typed = names(snap.path("bylines"), false);
            var linked = rows(c, "select au.id, au.display_name from article_author aa join author au on au.id = aa.author_id"
                + " where aa.article_id = ? order by aa.position", article);
            var linkedNames = linked.stream().map(x -> Slugs.nameKey((String) x.get("display_name"))).toList();
            if (typed.isEmpty()) {
                boolean suspicious = linked.stream().anyMatch(x -> Slugs.from((String) x.get("display_name")).equals(Slugs.FALLBACK));
                if (suspicious) note(c, "article", "article:" + article, "bylines were never typed (the writer's own name was used) and"
                    + " may have been merged; check them: " + String.join(", ", linkedNames), true);
            } else if (!typed.equals(linkedNames)) {
                update(c, "delete from article_author where article_id = ?", article);
                for (int i = 0; i < typed.size(); i++) {
                    update(c, "insert into article_author (article_id, author_id, position) values (?, ?, ?)", article,
                        findOrCreate(c, "author", "display_name", typed.get(i), Slugs.nameKey(typed.get(i))), i);
                }
                note(c, "article", "article:" + article, "bylines relinked from " + linkedNames + " to " + typed, false);
            }
            var tags = names(snap.path("tags"), true);
            var linkedTags = rows(c, "select t.name_key from article_tag at join tag t on t.id = at.tag_id where at.article_id = ?", article)
                .stream().map(x -> (String) x.get("name_key")).sorted().toList();
            var wanted = new LinkedHashMap<String, String>();
            for (var t : names(snap.path("tags"), false)) wanted.putIfAbsent(Slugs.termKey(t), t);
            if (!tags.isEmpty() && !wanted.keySet().stream().sorted().toList().equals(linkedTags)) {
                update(c, "delete from article_tag where article_id = ?", article);
                for (var e : wanted.entrySet()) {
                    update(c, "insert into article_tag (article_id, tag_id) values (?, ?)", article, findOrCreate(c, "tag", "name", e.getValue(), e.getKey()));
                }
                note(c, "article", "article:" + article, "tags relinked to " + wanted.values(), false);
            }
        }
    }

    private void reslugArticles(Connection c) throws SQLException {
        for (var r : rows(c, "select a.id, a.slug, a.headline, a.status, a.section_id, s.slug as section_slug from article a"
            + " join section s on s.id = a.section_id order by a.id")) {
            var slug = (String) r.get("slug");
            var headline = (String) r.get("headline");
            var fresh = Slugs.from(headline);
            if (slug.equals(fresh) || fresh.equals(Slugs.FALLBACK) || !legacySlug(headline).equals(slug.replaceAll("-[0-9]+$", ""))
                && !legacySlug(headline).equals(slug)) {
                continue;
            }
            if (headline.codePoints().noneMatch(cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN)) continue;
            long id = ((Number) r.get("id")).longValue();
            long section = ((Number) r.get("section_id")).longValue();
            var candidate = fresh;
            for (int n = 2; !rows(c, "select id from article where section_id = ? and slug = ? and id <> ?", section, candidate, id).isEmpty(); n++) {
                candidate = fresh + "-" + n;
            }
            update(c, "update article set slug = ? where id = ?", candidate, id);
            var oldPath = "/" + Slugs.encode((String) r.get("section_slug")) + "/" + Slugs.encode(slug);
            if ("published".equals(r.get("status"))) {
                update(c, "delete from redirect where old_path = ?", oldPath);
                update(c, "insert into redirect (old_path, article_id, created_at) values (?, ?, ?)", oldPath, id, clock.millis());
            }
            note(c, "article", "article:" + id, "address moved from " + oldPath + " to /" + r.get("section_slug") + "/" + candidate, false);
        }
    }

    /** The slug rule before migration 8 (ASCII only), to recognise what it made. */
    static String legacySlug(String text) {
        var ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > 80) ascii = ascii.substring(0, 80).replaceAll("-+[^-]*$", "");
        return ascii.isEmpty() ? "item" : ascii;
    }

    private static List<String> names(JsonNode array, boolean folded) {
        var out = new ArrayList<String>();
        array.forEach(n -> {
            var k = folded ? Slugs.termKey(n.asText()) : Slugs.nameKey(n.asText());
            if (!k.isEmpty() && !out.contains(k)) out.add(k);
        });
        return out;
    }

    private long findOrCreate(Connection c, String table, String nameColumn, String name, String key) throws SQLException {
        var found = rows(c, "select id from " + table + " where name_key = ?", key);
        if (!found.isEmpty()) return ((Number) found.get(0).get("id")).longValue();
        var slug = free(c, table, Slugs.from(name));
        update(c, "insert into " + table + " (slug, " + nameColumn + ", name_key) values (?, ?, ?)", slug, Slugs.nameKey(name), key);
        return ((Number) rows(c, "select id from " + table + " where name_key = ?", key).get(0).get("id")).longValue();
    }

    private String free(Connection c, String table, String base) throws SQLException {
        var slug = base;
        for (int n = 2; !rows(c, "select id from " + table + " where slug = ?", slug).isEmpty(); n++) slug = base + "-" + n;
        return slug;
    }

    private void note(Connection c, String kind, String subject, String note, boolean needsReview) throws SQLException {
        update(c, "insert into name_repair (kind, subject, note, needs_review, created_at) values (?, ?, ?, ?, ?)",
            kind, subject, note, needsReview, clock.millis());
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            bind(st, args);
            try (var rs = st.executeQuery()) {
                var out = new ArrayList<Map<String, Object>>();
                var md = rs.getMetaData();
                while (rs.next()) {
                    var m = new HashMap<String, Object>();
                    for (int i = 1; i <= md.getColumnCount(); i++) m.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                    out.add(m);
                }
                return out;
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            bind(st, args);
            st.executeUpdate();
        }
    }

    private static void bind(java.sql.PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Boolean b) st.setBoolean(i + 1, b);
            else st.setObject(i + 1, args[i]);
        }
    }
}
