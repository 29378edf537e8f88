package org.masthead.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Database;

/** The SQL for sections, authors and tags. */
public final class TaxonomyStore {
    private final Database db;

    public TaxonomyStore(Database db) {
        this.db = db;
        this.sections = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(30))
            .build(k -> db.read(h -> h.createQuery("select id, slug, name, hidden from section order by position, name")
                .map((rs, ctx) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getBoolean("hidden"))).list()));
    }

    /** Sections change almost never and every page and save asks for them: kept for 30 seconds (added ones show at once here). */
    private final com.github.benmanes.caffeine.cache.LoadingCache<String, List<Section>> sections;

    /** Every section, hidden ones included, in the editors' order. */
    public List<Section> listSections() { return sections.get("all"); }

    /** The sections readers are shown in the navigation and on the home page. */
    public List<Section> listVisibleSections() { return listSections().stream().filter(s -> !s.hidden()).toList(); }

    /** Drops the cached section list (another node changed the sections). */
    public void forgetSections() { sections.invalidateAll(); }

    /** The section a renamed section's old slug now points to. */
    public Optional<Section> findRenamedSection(String oldSlug) {
        var id = db.read(h -> h.createQuery("select section_id from section_redirect where old_slug = :s").bind("s", oldSlug).mapTo(Long.class).findOne());
        return id.flatMap(this::findSection);
    }

    /**
     * Renames, moves or hides a section; a new slug leaves the old one redirecting. Throws
     * IllegalArgumentException naming the problem (nothing is changed then).
     */
    public Section updateSection(long id, String name, String slug, int position, boolean hidden) {
        var current = findSection(id).orElseThrow(() -> new java.util.NoSuchElementException("no section " + id));
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80 || org.masthead.http.PlainText.hasControl(trimmed)) {
            throw new IllegalArgumentException("Give the section a name of up to 80 characters.");
        }
        if (!Slugs.isValid(slug) || Slugs.RESERVED.contains(slug)) throw new IllegalArgumentException("The slug '" + slug + "' is not a valid section address.");
        db.useTransaction(h -> {
            if (!slug.equals(current.slug())) {
                if (h.createQuery("select count(*) from section where slug = :s and id <> :id").bind("s", slug).bind("id", id).mapTo(Integer.class).one() > 0) {
                    throw new IllegalArgumentException("Another section is at /" + slug + "/.");
                }
                h.createUpdate("delete from section_redirect where old_slug = :s").bind("s", slug).execute(); // the address is a section again
                h.createUpdate("insert into section_redirect (old_slug, section_id) values (:s, :id)").bind("s", current.slug()).bind("id", id).execute();
            }
            h.createUpdate("update section set name = :n, slug = :s, position = :p, hidden = :h where id = :id")
                .bind("n", trimmed).bind("s", slug).bind("p", position).bind("h", hidden).bind("id", id).execute();
        });
        sections.invalidateAll();
        return findSection(id).orElseThrow();
    }

    public Optional<Section> findSection(long id) {
        return listSections().stream().filter(s -> s.id() == id).findFirst();
    }

    public Optional<Section> findSectionBySlug(String slug) {
        return listSections().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** Adds a section; throws IllegalArgumentException naming the problem. */
    public Section addSection(String name, String slug) {
        if (!Slugs.isValid(slug) || Slugs.RESERVED.contains(slug)) throw new IllegalArgumentException("section slug '" + slug + "' is invalid or reserved");
        var section = db.transaction(h -> {
            int position = h.createQuery("select count(*) from section").mapTo(Integer.class).one();
            long id = h.createQuery("insert into section (slug, name, position) values (:slug, :name, :pos) returning id")
                .bind("slug", slug).bind("name", name).bind("pos", position).mapTo(Long.class).one();
            return new Section(id, slug, name);
        });
        sections.invalidateAll();
        return section;
    }

    /**
     * Finds or creates an author per display name, inside the caller's transaction. Authors are found
     * by their exact name ({@link Slugs#nameKey}: NFC, white space folded), never by slug, so two
     * reporters whose names make the same slug stay two people; the second gets "-2" on its slug.
     */
    public List<Author> authorsNamed(Handle h, List<String> names) {
        var keys = new LinkedHashMap<String, String>();
        for (var n : names) {
            var key = Slugs.nameKey(n);
            if (!key.isEmpty()) keys.putIfAbsent(key, key);
        }
        var result = new ArrayList<Author>();
        keys.forEach((key, name) -> {
            var found = h.createQuery("select id, slug, display_name from author where name_key = :key").bind("key", key)
                .map((rs, ctx) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"))).findOne();
            result.add(found.orElseGet(() -> {
                var slug = freeSlug(h, "author", Slugs.from(name));
                return new Author(h.createQuery("insert into author (slug, display_name, name_key) values (:slug, :name, :key) returning id")
                    .bind("slug", slug).bind("name", name).bind("key", key).mapTo(Long.class).one(), slug, name);
            }));
        });
        return result;
    }

    /**
     * Finds or creates tags per name, inside the caller's transaction. A tag is found by its term key
     * ({@link Slugs#termKey}: the name key, case-folded), so "Budget" and "budget" are one tag, while
     * tags in other scripts stay apart; a new tag whose slug is taken gets "-2".
     */
    public List<Tag> tagsNamed(Handle h, List<String> names) {
        var byKey = new LinkedHashMap<String, String>();
        for (var n : names) {
            var name = Slugs.nameKey(n);
            if (!name.isEmpty()) byKey.putIfAbsent(Slugs.termKey(name), name);
        }
        var result = new ArrayList<Tag>();
        byKey.forEach((key, name) -> {
            var found = h.createQuery("select id, slug, name from tag where name_key = :key").bind("key", key)
                .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).findOne();
            result.add(found.orElseGet(() -> {
                var slug = freeSlug(h, "tag", Slugs.from(name));
                return new Tag(h.createQuery("insert into tag (slug, name, name_key) values (:slug, :name, :key) returning id")
                    .bind("slug", slug).bind("name", name).bind("key", key).mapTo(Long.class).one(), slug, name);
            }));
        });
        return result;
    }

    /** {@code base}, or base-2, base-3 … whichever no {@code table} ("author" or "tag") row has yet. */
    static String freeSlug(Handle h, String table, String base) {
        var sql = switch (table) {
            case "author" -> "select count(*) from author where slug = :slug";
            case "tag" -> "select count(*) from tag where slug = :slug";
            default -> throw new IllegalArgumentException(table);
        };
        var slug = base;
        for (int n = 2; h.createQuery(sql).bind("slug", slug).mapTo(Integer.class).one() > 0; n++) slug = base + "-" + n;
        return slug;
    }

    /** One line of migration 8's report: what it changed, or what an admin should check ({@code needsReview}). */
    public record Repair(String kind, String subject, String note, boolean needsReview) {}

    /** Migration 8's report, what needs review first. */
    public List<Repair> listRepairs() {
        return db.read(h -> h.createQuery("select kind, subject, note, needs_review from name_repair order by needs_review desc, id")
            .map((rs, ctx) -> new Repair(rs.getString("kind"), rs.getString("subject"), rs.getString("note"), rs.getBoolean("needs_review"))).list());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** An author's profile by slug. */
    public Optional<AuthorProfile> findProfile(String slug) {
        return db.read(h -> h.createQuery("select id, slug, display_name, bio, job_title, photo_id, links from author where slug = :slug")
            .bind("slug", slug).map((rs, ctx) -> profile(rs)).findOne());
    }

    /** The profiles of these authors, by id (for the JSON-LD of a story's bylines). */
    public java.util.Map<Long, AuthorProfile> profiles(List<Long> ids) {
        if (ids.isEmpty()) return java.util.Map.of();
        var out = new java.util.HashMap<Long, AuthorProfile>();
        db.read(h -> h.createQuery("select id, slug, display_name, bio, job_title, photo_id, links from author where id in (<ids>)")
            .bindList("ids", ids).map((rs, ctx) -> profile(rs)).list()).forEach(p -> out.put(p.author().id(), p));
        return out;
    }

    /** Replaces an author's bio, job title, photo and links (the name stays: bylines are what journalists wrote). */
    public AuthorProfile saveProfile(AuthorProfile p) {
        String links;
        try {
            links = JSON.writeValueAsString(p.links());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.useTransaction(h -> h.createUpdate("update author set bio = :bio, job_title = :job, photo_id = :photo, links = :links where id = :id")
            .bind("bio", p.bio()).bind("job", p.jobTitle()).bind("photo", p.photoId()).bind("links", links).bind("id", p.author().id()).execute());
        return findProfile(p.author().slug()).orElseThrow();
    }

    private static AuthorProfile profile(java.sql.ResultSet rs) throws java.sql.SQLException {
        long photo = rs.getLong("photo_id");
        Long photoId = rs.wasNull() ? null : photo;
        List<String> links;
        try {
            links = List.of(JSON.readValue(rs.getString("links"), String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            links = List.of();
        }
        return new AuthorProfile(new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name")), rs.getString("bio"),
            rs.getString("job_title"), photoId, links);
    }

    /** Of these tag names, the ones no tag has yet (compared as {@link Slugs#termKey}, so case does not make a new tag). */
    public List<String> unknownTags(List<String> names) {
        if (names.isEmpty()) return List.of();
        var keys = names.stream().map(n -> Slugs.termKey(Slugs.nameKey(n))).toList();
        var known = new java.util.HashSet<>(db.read(h -> h.createQuery("select name_key from tag where name_key in (<keys>)").bindList("keys", keys)
            .mapTo(String.class).list()));
        return names.stream().filter(n -> !known.contains(Slugs.termKey(Slugs.nameKey(n)))).toList();
    }

    /** Of these display names, the ones no author has yet (compared as {@link Slugs#nameKey}). */
    public List<String> unknownAuthors(List<String> names) {
        if (names.isEmpty()) return List.of();
        var keys = names.stream().map(Slugs::nameKey).toList();
        var known = new java.util.HashSet<>(db.read(h -> h.createQuery("select name_key from author where name_key in (<keys>)").bindList("keys", keys)
            .mapTo(String.class).list()));
        return names.stream().filter(n -> !known.contains(Slugs.nameKey(n))).toList();
    }
}
