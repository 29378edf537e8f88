package org.masthead.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Database;
import org.masthead.media.Photo;
import org.masthead.taxonomy.Author;
import org.masthead.taxonomy.Section;
import org.masthead.taxonomy.Tag;

/** The SQL for articles, their bylines, tags, revisions and redirects. */
public final class ArticleStore {
    private final Database db;

    public ArticleStore(Database db) { this.db = db; }

    private static final String SUMMARY = """
        select a.id, s.slug as section_slug, s.name as section_name, s.id as section_id, a.slug, a.headline, a.dek,
               a.status, a.published_at, a.updated_at, a.created_by, a.body_html, a.dateline, a.revision,
               a.publish_at, a.embargo_until, a.review_note, a.kill_reason, a.published_late_ms, a.language,
               a.seo_title, a.seo_description, a.social_media_id,
               m.id as m_id, m.sha256 as m_sha256, m.mime as m_mime, m.width as m_width, m.height as m_height,
               a.lead_caption as m_caption, a.lead_credit as m_credit, m.creator as m_creator, m.copyright as m_copyright,
               a.lead_alt_text as m_alt_text, a.lead_title as m_title, m.focal_x as m_focal_x, m.focal_y as m_focal_y
          from article a
          join section s on s.id = a.section_id
          left join media m on m.id = a.lead_media_id
        """;

    private static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Photo photo(ResultSet rs) throws SQLException {
        if (nullableLong(rs, "m_id") == null) return null;
        return new Photo(rs.getLong("m_id"), rs.getString("m_sha256"), rs.getString("m_mime"), rs.getInt("m_width"),
            rs.getInt("m_height"), rs.getString("m_caption"), rs.getString("m_credit"), rs.getString("m_creator"),
            rs.getString("m_copyright"), rs.getString("m_alt_text"), rs.getString("m_title"), rs.getDouble("m_focal_x"), rs.getDouble("m_focal_y"));
    }

    private static ArticleSummary summary(ResultSet rs) throws SQLException {
        return new ArticleSummary(rs.getLong("id"), rs.getString("section_slug"), rs.getString("section_name"),
            rs.getString("slug"), rs.getString("headline"), rs.getString("dek"), ArticleStatus.parse(rs.getString("status")),
            nullableLong(rs, "published_at"), rs.getLong("updated_at"), nullableLong(rs, "created_by"), photo(rs));
    }

    private Optional<Article> full(Handle h, String where, String name, Object value) {
        return base(h, where, name, value).map(a -> new Article(a.id(), a.section(), a.slug(), a.status(), a.headline(), a.dek(), a.bodyHtml(),
            a.leadPhoto(), a.dateline(), a.publishedAt(), a.updatedAt(), a.revision(), a.createdBy(), authors(h, a.id()), tags(h, a.id()),
            a.workflow(), corrections(h, a.id()), a.language(), a.seo()));
    }

    /** A story's tags in the database's collation, as every read of it has them. */
    List<Tag> tagsOf(Handle h, long id) { return tags(h, id); }

    private Optional<Article> base(Handle h, String where, String name, Object value) {
        return h.createQuery(SUMMARY + " where " + where).bind(name, value).map((rs, ctx) -> new Article(
            rs.getLong("id"), new Section(rs.getLong("section_id"), rs.getString("section_slug"), rs.getString("section_name")),
            rs.getString("slug"), ArticleStatus.parse(rs.getString("status")), rs.getString("headline"), rs.getString("dek"),
            rs.getString("body_html"), photo(rs), rs.getString("dateline"), nullableLong(rs, "published_at"),
            rs.getLong("updated_at"), rs.getInt("revision"), nullableLong(rs, "created_by"), List.of(), List.of(),
            new Article.Workflow(nullableLong(rs, "publish_at"), nullableLong(rs, "embargo_until"), rs.getString("review_note"),
                rs.getString("kill_reason"), nullableLong(rs, "published_late_ms")), List.of(), rs.getString("language"),
            new Seo(rs.getString("seo_title"), rs.getString("seo_description"), nullableLong(rs, "social_media_id")))).findOne();
    }

    private static List<Correction> corrections(Handle h, long articleId) {
        return h.createQuery("select id, kind, text, created_at from correction where article_id = :id order by created_at, id").bind("id", articleId)
            .map((rs, ctx) -> new Correction(rs.getLong("id"), Correction.Kind.parse(rs.getString("kind")), rs.getString("text"), rs.getLong("created_at")))
            .list();
    }

    void insertCorrection(Handle h, long articleId, Correction.Kind kind, String text, Long userId, long now) {
        h.createUpdate("insert into correction (article_id, kind, text, created_at, created_by) values (:a, :k, :t, :now, :u)")
            .bind("a", articleId).bind("k", kind.dbValue()).bind("t", text).bind("now", now).bind("u", userId).execute();
        h.createUpdate("update article set updated_at = :now, revision = revision + 1 where id = :a").bind("now", now).bind("a", articleId).execute();
    }

    /** A note with the story it is on, for the corrections page and feed. */
    public record CorrectionOn(Correction correction, ArticleSummary article) {}

    /** The newest notes on published stories, newest first. */
    public List<CorrectionOn> listCorrections(int limit) {
        return db.read(h -> h.createQuery(SUMMARY.replace("left join media m on m.id = a.lead_media_id",
                "left join media m on m.id = a.lead_media_id join correction c on c.article_id = a.id")
                .replace("select a.id,", "select c.id as c_id, c.kind as c_kind, c.text as c_text, c.created_at as c_created, a.id,")
                + " where a.status = 'published' order by c.created_at desc, c.id desc limit :n").bind("n", limit)
            .map((rs, ctx) -> new CorrectionOn(new Correction(rs.getLong("c_id"), Correction.Kind.parse(rs.getString("c_kind")), rs.getString("c_text"),
                rs.getLong("c_created")), summary(rs))).list());
    }

    private static List<Author> authors(Handle h, long articleId) {
        return h.createQuery("""
                select au.id, au.slug, au.display_name from article_author aa join author au on au.id = aa.author_id
                 where aa.article_id = :id order by aa.position
                """).bind("id", articleId)
            .map((rs, ctx) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"))).list();
    }

    private static List<Tag> tags(Handle h, long articleId) {
        return h.createQuery("""
                select t.id, t.slug, t.name from article_tag at join tag t on t.id = at.tag_id
                 where at.article_id = :id order by t.name
                """).bind("id", articleId)
            .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list();
    }

    public Optional<Article> find(long id) {
        return db.read(h -> full(h, "a.id = :id", "id", id));
    }

    Optional<Article> find(Handle h, long id) { return full(h, "a.id = :id", "id", id); }

    /** The article as {@code user} may see it in the newsroom: editors and admins any, contributors their own (else empty: a 404, not a 403). */
    public Optional<Article> findFor(org.masthead.account.User user, long id) {
        return find(id).filter(a -> user.role().canPublish() || (a.createdBy() != null && a.createdBy() == user.id()));
    }

    /** A published article by its permalink parts. */
    public Optional<Article> findPublished(String sectionSlug, String slug) {
        return db.read(h -> {
            var id = h.createQuery("""
                    select a.id from article a join section s on s.id = a.section_id
                     where s.slug = :section and a.slug = :slug and a.status = 'published'
                    """).bind("section", sectionSlug).bind("slug", slug).mapTo(Long.class).findOne();
            return id.flatMap(i -> full(h, "a.id = :id", "id", i));
        });
    }

    /** The status of the article at this permalink, whatever it is (404 vs 410 for readers). */
    public Optional<ArticleStatus> findStatus(String sectionSlug, String slug) {
        return db.read(h -> h.createQuery("""
                select a.status from article a join section s on s.id = a.section_id where s.slug = :section and a.slug = :slug
                """).bind("section", sectionSlug).bind("slug", slug).map((rs, ctx) -> ArticleStatus.parse(rs.getString("status"))).findOne());
    }

    /** Where an old permalink now points, if it was ever redirected. */
    public Optional<Long> findRedirect(String path) {
        return db.read(h -> h.createQuery("select article_id from redirect where old_path = :p").bind("p", path)
            .mapTo(Long.class).findOne());
    }

    /** {@code createdBy}: only this user's articles (what a contributor sees); null for everyone's. */
    public record Filter(ArticleStatus status, Long sectionId, Long createdBy) {
        public Filter(ArticleStatus status, Long sectionId) { this(status, sectionId, null); }
    }

    public List<ArticleSummary> listForNewsroom(Filter f, int limit, int offset) {
        return db.read(h -> {
            var where = new ArrayList<String>();
            where.add("1 = 1");
            if (f.status() != null) where.add("a.status = :status");
            if (f.sectionId() != null) where.add("a.section_id = :section");
            if (f.createdBy() != null) where.add("a.created_by = :by");
            var q = h.createQuery(SUMMARY + " where " + String.join(" and ", where)
                + " order by a.updated_at desc, a.id desc limit :limit offset :offset");
            if (f.status() != null) q.bind("status", f.status().dbValue());
            if (f.sectionId() != null) q.bind("section", f.sectionId());
            if (f.createdBy() != null) q.bind("by", f.createdBy());
            return q.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> summary(rs)).list();
        });
    }

    /** Newest published first; {@code sectionId} null for the whole site. */
    public List<ArticleSummary> listPublished(Long sectionId, int limit, int offset) {
        return db.read(h -> {
            var q = h.createQuery(SUMMARY + " where a.status = 'published'" + (sectionId == null ? "" : " and a.section_id = :section")
                + " order by a.published_at desc, a.id desc limit :limit offset :offset");
            if (sectionId != null) q.bind("section", sectionId);
            return q.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> summary(rs)).list();
        });
    }

    /** Filters of the content API; null = any. {@code afterUpdatedAt/afterId} is the cursor (exclusive). */
    public record ApiFilter(ArticleStatus status, String sectionSlug, String tagSlug, String authorSlug, Long updatedSince,
                            Long afterUpdatedAt, Long afterId) {}

    /** Most recently updated first, for the content API's cursor paging. */
    public List<ArticleSummary> listForApi(ApiFilter f, int limit) {
        return db.read(h -> {
            var joins = new StringBuilder();
            var where = new ArrayList<String>();
            where.add("1 = 1");
            if (f.status() != null) where.add("a.status = :status");
            if (f.sectionSlug() != null) where.add("s.slug = :section");
            if (f.tagSlug() != null) joins.append(" join article_tag xt on xt.article_id = a.id join tag t on t.id = xt.tag_id and t.slug = :tag");
            if (f.authorSlug() != null) joins.append(" join article_author xa on xa.article_id = a.id join author au on au.id = xa.author_id and au.slug = :author");
            if (f.updatedSince() != null) where.add("a.updated_at >= :since");
            if (f.afterUpdatedAt() != null) where.add("(a.updated_at < :cu or (a.updated_at = :cu and a.id < :ci))");
            var q = h.createQuery(SUMMARY.replace("left join media m on m.id = a.lead_media_id", "left join media m on m.id = a.lead_media_id" + joins)
                + " where " + String.join(" and ", where) + " order by a.updated_at desc, a.id desc limit :limit");
            if (f.status() != null) q.bind("status", f.status().dbValue());
            if (f.sectionSlug() != null) q.bind("section", f.sectionSlug());
            if (f.tagSlug() != null) q.bind("tag", f.tagSlug());
            if (f.authorSlug() != null) q.bind("author", f.authorSlug());
            if (f.updatedSince() != null) q.bind("since", f.updatedSince());
            if (f.afterUpdatedAt() != null) q.bind("cu", f.afterUpdatedAt()).bind("ci", f.afterId());
            return q.bind("limit", limit).map((rs, ctx) -> summary(rs)).list();
        });
    }

    /** Every tag or author ({@code kind}) as slug → name, by name. */
    public List<java.util.Map.Entry<String, String>> listNames(String kind) {
        var sql = switch (kind) {
            case "tag" -> "select slug, name from tag order by name";
            case "author" -> "select slug, display_name as name from author order by display_name";
            default -> throw new IllegalArgumentException("kind must be tag or author");
        };
        return db.read(h -> h.createQuery(sql).map((rs, ctx) -> java.util.Map.entry(rs.getString("slug"), rs.getString("name"))).list());
    }

    /** Publication times of every published article (for the sitemap index: one file per month). */
    public List<Long> listPublishedTimes() {
        return db.read(h -> h.createQuery("select published_at from article where status = 'published'").mapTo(Long.class).list());
    }

    /** Published articles with {@code from <= published_at < to}, newest first, paged (a month's archive). */
    public List<ArticleSummary> listPublishedBetweenNewestFirst(long from, long to, int limit, int offset) {
        return db.read(h -> h.createQuery(SUMMARY + " where a.status = 'published' and a.published_at >= :from and a.published_at < :to"
                + " order by a.published_at desc, a.id desc limit :limit offset :offset")
            .bind("from", from).bind("to", to).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> summary(rs)).list());
    }

    /** The first and last publication times of published stories, or empty when none is published. */
    public Optional<long[]> publishedRange() {
        return db.read(h -> h.createQuery("select min(published_at) as lo, max(published_at) as hi from article where status = 'published'")
            .map((rs, ctx) -> rs.getObject("lo") == null ? null : new long[] {rs.getLong("lo"), rs.getLong("hi")}).findOne());
    }

    /** Publication times of the published articles with {@code from <= published_at < to} (a year's archive counts its months). */
    public List<Long> listPublishedTimesBetween(long from, long to) {
        return db.read(h -> h.createQuery("select published_at from article where status = 'published' and published_at >= :from and published_at < :to")
            .bind("from", from).bind("to", to).mapTo(Long.class).list());
    }

    /** Published articles with {@code from <= published_at < to}, oldest first, paged. */
    public List<ArticleSummary> listPublishedBetween(long from, long to, int limit, int offset) {
        return db.read(h -> h.createQuery(SUMMARY + " where a.status = 'published' and a.published_at >= :from and a.published_at < :to"
                + " order by a.published_at, a.id limit :limit offset :offset")
            .bind("from", from).bind("to", to).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> summary(rs)).list());
    }

    /** Newest published first, carrying a tag or byline ({@code kind} "tag" or "author"), by its slug. */
    public List<ArticleSummary> listPublishedWith(String kind, String slug, int limit) { return listPublishedWith(kind, slug, limit, 0); }

    /** As {@link #listPublishedWith(String, String, int)}, skipping the newest {@code offset} (a page of an archive). */
    public List<ArticleSummary> listPublishedWith(String kind, String slug, int limit, int offset) {
        var join = switch (kind) {
            case "tag" -> " join article_tag x on x.article_id = a.id join tag t on t.id = x.tag_id and t.slug = :slug";
            case "author" -> " join article_author x on x.article_id = a.id join author t on t.id = x.author_id and t.slug = :slug";
            default -> throw new IllegalArgumentException("kind must be tag or author");
        };
        return db.read(h -> h.createQuery(SUMMARY.replace("left join media m on m.id = a.lead_media_id",
                "left join media m on m.id = a.lead_media_id" + join)
                + " where a.status = 'published' order by a.published_at desc, a.id desc limit :limit offset :offset")
            .bind("slug", slug).bind("limit", limit).bind("offset", offset).map((rs, ctx) -> summary(rs)).list());
    }

    /** The display name of a tag or author by slug, if it exists. */
    public Optional<String> findName(String kind, String slug) {
        var sql = switch (kind) {
            case "tag" -> "select name from tag where slug = :slug";
            case "author" -> "select display_name from author where slug = :slug";
            default -> throw new IllegalArgumentException("kind must be tag or author");
        };
        return db.read(h -> h.createQuery(sql).bind("slug", slug).mapTo(String.class).findOne());
    }

    /** An article's reader-visible state, as popularity tracks it. */
    public record StatusRef(long id, long sectionId, boolean published, long publishedAt, long updatedAt) {}

    private static StatusRef ref(ResultSet rs) throws SQLException {
        return new StatusRef(rs.getLong("id"), rs.getLong("section_id"), "published".equals(rs.getString("status")),
            rs.getLong("published_at"), rs.getLong("updated_at"));
    }

    public List<StatusRef> listPublishedRefs() {
        return db.read(h -> h.createQuery("select id, section_id, status, published_at, updated_at from article where status = 'published'")
            .map((rs, ctx) -> ref(rs)).list());
    }

    /** Articles saved, published or unpublished at or after {@code since} (any node). */
    public List<StatusRef> listChangedSince(long since) {
        return db.read(h -> h.createQuery("select id, section_id, status, published_at, updated_at from article where updated_at >= :since")
            .bind("since", since).map((rs, ctx) -> ref(rs)).list());
    }

    /** The newest published story with a lead photo ({@code sectionId} null: the whole site), other than {@code except}. */
    public Optional<ArticleSummary> findNewestPublishedWithPhoto(Long sectionId, java.util.Set<Long> except) {
        return db.read(h -> {
            var q = h.createQuery(SUMMARY + " where a.status = 'published' and a.lead_media_id is not null"
                + (sectionId == null ? "" : " and a.section_id = :section") + (except.isEmpty() ? "" : " and a.id not in (<except>)")
                + " order by a.published_at desc, a.id desc limit 1");
            if (sectionId != null) q.bind("section", sectionId);
            if (!except.isEmpty()) q.bindList("except", List.copyOf(except));
            return q.map((rs, ctx) -> summary(rs)).findOne();
        });
    }

    /** How many articles there are, in every status. */
    public long count() { return db.read(h -> h.createQuery("select count(*) from article").mapTo(Long.class).one()); }

    /** Article ids after {@code afterId}, in id order, every status: a keyset walk of the whole archive. */
    public List<Long> listIds(long afterId, int limit) {
        return db.read(h -> h.createQuery("select id from article where id > :after order by id limit :limit").bind("after", afterId).bind("limit", limit)
            .mapTo(Long.class).list());
    }

    /** Articles among {@code ids}, any status, in the order given. */
    public List<ArticleSummary> listByIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        var rows = db.read(h -> h.createQuery(SUMMARY + " where a.id in (<ids>)").bindList("ids", ids).map((rs, ctx) -> summary(rs)).list());
        return ids.stream().flatMap(id -> rows.stream().filter(r -> r.id() == id)).toList();
    }

    /** Published articles among {@code ids}, in the order given. */
    public List<ArticleSummary> listPublishedByIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        var rows = db.read(h -> h.createQuery(SUMMARY + " where a.status = 'published' and a.id in (<ids>)")
            .bindList("ids", ids).map((rs, ctx) -> summary(rs)).list());
        return ids.stream().flatMap(id -> rows.stream().filter(r -> r.id() == id)).toList();
    }

    boolean slugTaken(Handle h, long sectionId, String slug, long exceptId) {
        return h.createQuery("select count(*) from article where section_id = :s and slug = :slug and id <> :id")
            .bind("s", sectionId).bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    long insert(Handle h, ArticleDraft d, String slug, String body, PhotoUse lead, long userId, long now) {
        return insert(h, d, slug, body, lead, userId, now, ArticleStatus.DRAFT, null);
    }

    /** A new story's row in {@code status} (a draft, or published at {@code publishedAt} as an archive's import brings it), revision 1. */
    long insert(Handle h, ArticleDraft d, String slug, String body, PhotoUse lead, long userId, long now, ArticleStatus status, Long publishedAt) {
        return lead(h.createQuery("""
                insert into article (section_id, slug, status, published_at, headline, dek, body_html, lead_media_id, lead_caption, lead_credit,
                                     lead_alt_text, lead_title, dateline, created_at, updated_at, revision, created_by, language,
                                     seo_title, seo_description, social_media_id)
                values (:section, :slug, :status, :published, :headline, :dek, :body, :media, :caption, :credit, :alt, :title, :dateline, :now, :now, 1, :user, :language, :seo_title, :seo_description, :social)
                returning id
                """), lead).bind("status", status.dbValue()).bind("published", publishedAt).bind("section", d.sectionId()).bind("slug", slug).bind("headline", d.headline()).bind("dek", d.dek())
            .bind("body", body).bind("dateline", d.dateline()).bind("now", now).bind("user", userId).bind("language", d.language())
            .bind("seo_title", d.seo().title()).bind("seo_description", d.seo().description()).bind("social", d.seo().imageId())
            .mapTo(Long.class).one();
    }

    /** Binds the lead photo use (:media, :caption, :credit, :alt); all empty without one. */
    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T lead(T statement, PhotoUse lead) {
        return statement.bind("media", lead == null ? null : lead.mediaId()).bind("caption", lead == null ? "" : lead.caption())
            .bind("credit", lead == null ? "" : lead.credit()).bind("alt", lead == null ? "" : lead.altText())
            .bind("title", lead == null ? "" : lead.title());
    }

    /** Published articles whose lead photo is {@code mediaId}. */
    List<Long> listPublishedIdsWithLeadPhoto(long mediaId) {
        return db.read(h -> h.createQuery("select id from article where lead_media_id = :m and status = 'published'").bind("m", mediaId)
            .mapTo(Long.class).list());
    }

    /** Saves over {@code baseRevision}; returns false when someone saved in between (nothing is written). */
    boolean update(Handle h, long id, int baseRevision, ArticleDraft d, String slug, String body, PhotoUse lead, long now) {
        return lead(h.createUpdate("""
                update article set section_id = :section, slug = :slug, headline = :headline, dek = :dek, body_html = :body,
                       lead_media_id = :media, lead_caption = :caption, lead_credit = :credit, lead_alt_text = :alt, lead_title = :title,
                       dateline = :dateline, language = :language, seo_title = :seo_title, seo_description = :seo_description,
                       social_media_id = :social, updated_at = :now, revision = revision + 1
                 where id = :id and revision = :base
                """), lead).bind("section", d.sectionId()).bind("slug", slug).bind("headline", d.headline()).bind("dek", d.dek())
            .bind("body", body).bind("dateline", d.dateline()).bind("language", d.language()).bind("now", now)
            .bind("seo_title", d.seo().title()).bind("seo_description", d.seo().description()).bind("social", d.seo().imageId())
            .bind("id", id).bind("base", baseRevision).execute() == 1;
    }

    /**
     * Moves the article from {@code from} to {@code status} with its workflow fields; false (nothing written) when it is no
     * longer in {@code from} — another node or editor moved it first (the scheduler's exactly-once rests on this).
     */
    boolean setStatus(Handle h, long id, ArticleStatus from, ArticleStatus status, Long publishedAt, Article.Workflow w, long now) {
        return h.createUpdate("""
                update article set status = :status, published_at = :published, updated_at = :now, revision = revision + 1,
                       publish_at = :publishAt, embargo_until = :embargo, review_note = :note, kill_reason = :reason, published_late_ms = :late
                 where id = :id and status = :from
                """).bind("status", status.dbValue()).bind("published", publishedAt).bind("now", now).bind("id", id)
            .bind("publishAt", w.publishAt()).bind("embargo", w.embargoUntil()).bind("note", w.reviewNote()).bind("reason", w.killReason())
            .bind("late", w.publishedLateMs()).bind("from", from.dbValue()).execute() == 1;
    }

    void setPublishedAt(Handle h, long id, Long publishedAt, long now) {
        h.createUpdate("update article set published_at = :p, updated_at = :now where id = :id").bind("p", publishedAt).bind("now", now)
            .bind("id", id).execute();
    }

    /** Sets the embargo ("not before") of an article, null to lift it. */
    void setEmbargo(Handle h, long id, Long embargoUntil) {
        h.createUpdate("update article set embargo_until = :e where id = :id").bind("e", embargoUntil).bind("id", id).execute();
    }

    /** Scheduled articles due at or before {@code now}, oldest due first. */
    List<Long> listDue(long now, int limit) {
        return db.read(h -> h.createQuery("select id from article where status = 'scheduled' and publish_at <= :now order by publish_at, id limit :n")
            .bind("now", now).bind("n", limit).mapTo(Long.class).list());
    }

    void replaceBylinesAndTags(Handle h, long id, List<Author> authors, List<Tag> tags) {
        h.createUpdate("delete from article_author where article_id = :id").bind("id", id).execute();
        h.createUpdate("delete from article_tag where article_id = :id").bind("id", id).execute();
        insertBylinesAndTags(h, id, authors, tags);
    }

    /** A new story's bylines (in order) and tags. */
    void insertBylinesAndTags(Handle h, long id, List<Author> authors, List<Tag> tags) {
        for (int i = 0; i < authors.size(); i++) {
            h.createUpdate("insert into article_author (article_id, author_id, position) values (:a, :au, :p)")
                .bind("a", id).bind("au", authors.get(i).id()).bind("p", i).execute();
        }
        for (var t : tags) {
            h.createUpdate("insert into article_tag (article_id, tag_id) values (:a, :t)").bind("a", id).bind("t", t.id()).execute();
        }
    }

    void insertRevision(Handle h, long id, int revision, Long userId, long now, String snapshotJson) {
        h.createUpdate("""
                insert into article_revision (article_id, revision, saved_by, saved_at, snapshot)
                values (:id, :rev, :user, :now, :snap)
                """).bind("id", id).bind("rev", revision).bind("user", userId).bind("now", now).bind("snap", snapshotJson).execute();
    }

    /** One stored revision: its number, who saved it (their name; empty for the scheduler), when, and the snapshot JSON. */
    public record RevisionRow(int revision, String savedBy, long savedAt, String snapshot) {}

    List<RevisionRow> listRevisions(long id) {
        return db.read(h -> h.createQuery("""
                select r.revision, coalesce(u.display_name, '') as saved_by, r.saved_at, r.snapshot
                  from article_revision r left join app_user u on u.id = r.saved_by
                 where r.article_id = :id order by r.revision""").bind("id", id)
            .map((rs, ctx) -> new RevisionRow(rs.getInt("revision"), rs.getString("saved_by"), rs.getLong("saved_at"), rs.getString("snapshot"))).list());
    }

    Optional<String> findRevision(long id, int revision) {
        return db.read(h -> h.createQuery("select snapshot from article_revision where article_id = :id and revision = :r").bind("id", id)
            .bind("r", revision).mapTo(String.class).findOne());
    }

    /** Dismissed copy-desk findings of an article, as rule + NUL + excerpt. */
    java.util.Set<String> listDismissals(long articleId) {
        return new java.util.HashSet<>(db.read(h -> h.createQuery("select rule, excerpt from copy_dismissal where article_id = :a").bind("a", articleId)
            .map((rs, ctx) -> rs.getString("rule") + "\u0000" + rs.getString("excerpt")).list()));
    }

    void insertDismissal(long articleId, String rule, String excerpt, String reason, Long userId, long now) {
        db.useTransaction(h -> h.createUpdate("""
                insert into copy_dismissal (article_id, rule, excerpt, reason, user_id, at) values (:a, :r, :e, :why, :u, :now)
                """).bind("a", articleId).bind("r", rule).bind("e", excerpt).bind("why", reason).bind("u", userId).bind("now", now).execute());
    }

    public int countRevisions(long id) {
        return db.read(h -> h.createQuery("select count(*) from article_revision where article_id = :id").bind("id", id)
            .mapTo(Integer.class).one());
    }

    /** Points an old address (an imported site's permalink, "/?p=12") at a story, replacing what it pointed at. */
    public void addRedirect(String oldPath, long articleId, long now) { db.useTransaction(h -> insertRedirect(h, oldPath, articleId, now)); }

    void insertRedirect(Handle h, String oldPath, long id, long now) {
        h.createUpdate("insert into redirect (old_path, article_id, created_at) values (:p, :id, :now) "
                + "on conflict (old_path) do update set article_id = excluded.article_id, created_at = excluded.created_at")
            .bind("p", oldPath).bind("id", id).bind("now", now).execute();
    }

    void insertAudit(Handle h, Long userId, String action, String subject, long now) {
        h.createUpdate("insert into audit_event (at, user_id, action, subject) values (:now, :u, :a, :s)")
            .bind("now", now).bind("u", userId).bind("a", action).bind("s", subject).execute();
    }
}
