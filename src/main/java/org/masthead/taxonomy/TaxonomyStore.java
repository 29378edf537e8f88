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

    public TaxonomyStore(Database db) { this.db = db; }

    public List<Section> listSections() {
        return db.read(h -> h.createQuery("select id, slug, name from section order by position, name")
            .map((rs, ctx) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
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
        return db.transaction(h -> {
            int position = h.createQuery("select count(*) from section").mapTo(Integer.class).one();
            long id = h.createQuery("insert into section (slug, name, position) values (:slug, :name, :pos) returning id")
                .bind("slug", slug).bind("name", name).bind("pos", position).mapTo(Long.class).one();
            return new Section(id, slug, name);
        });
    }

    /** Finds or creates an author per display name, inside the caller's transaction. */
    public List<Author> authorsNamed(Handle h, List<String> names) {
        var result = new ArrayList<Author>();
        for (var name : names) {
            var slug = Slugs.from(name);
            var found = h.createQuery("select id, slug, display_name from author where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"))).findOne();
            result.add(found.orElseGet(() -> new Author(
                h.createQuery("insert into author (slug, display_name) values (:slug, :name) returning id")
                    .bind("slug", slug).bind("name", name).mapTo(Long.class).one(), slug, name)));
        }
        return result;
    }

    /** Finds or creates tags per name, inside the caller's transaction; duplicates by slug fold. */
    public List<Tag> tagsNamed(Handle h, List<String> names) {
        var bySlug = new LinkedHashMap<String, String>();
        names.forEach(n -> bySlug.putIfAbsent(Slugs.from(n), n));
        var result = new ArrayList<Tag>();
        bySlug.forEach((slug, name) -> {
            var found = h.createQuery("select id, slug, name from tag where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).findOne();
            result.add(found.orElseGet(() -> new Tag(
                h.createQuery("insert into tag (slug, name) values (:slug, :name) returning id")
                    .bind("slug", slug).bind("name", name).mapTo(Long.class).one(), slug, name)));
        });
        return result;
    }
}
