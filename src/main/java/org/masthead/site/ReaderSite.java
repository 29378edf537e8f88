package org.masthead.site;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.masthead.article.Article;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleStore;
import org.masthead.article.ArticleSummary;
import org.masthead.http.CachedResponse;
import org.masthead.http.Etags;
import org.masthead.http.Http;
import org.masthead.http.Languages;
import org.masthead.http.Templates;
import org.masthead.popularity.Popularity;
import org.masthead.taxonomy.Section;
import org.masthead.taxonomy.Slugs;
import org.masthead.http.Redirects;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * The public reader site: home, section fronts and article pages, served from memory with strong
 * ETags and Cache-Control, cookie-free. Permalinks are /{section}/{slug} (docs/urls.md).
 */
public final class ReaderSite {
    static final String PAGE_CACHE_CONTROL = CacheControl.PAGE;
    static final int FRONT_PAGE_SIZE = 20;

    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final Popularity popularity;
    private final Templates templates;
    private final Assets assets;
    private final java.util.function.Supplier<org.masthead.settings.SiteSettings> site;
    private final String baseUrl;
    private final List<Integer> renditionWidths;
    private final PageCache cache = new PageCache(PAGE_CACHE_CONTROL);

    private final java.time.Clock clock;
    private final java.time.Duration archiveAfter;
    private final org.masthead.article.PreviewLinks previews;
    private final org.masthead.article.Autosaves autosaves;
    private final org.masthead.front.Fronts fronts;
    private final ReaderBody bodyPhotos;
    private final org.masthead.media.MediaStore media;
    private final org.masthead.page.Pages pages;
    private final org.masthead.cluster.SiteVersion siteVersion;

    private String siteName() { return site.get().name(); }

    private String language() { return site.get().language(); }

    private org.masthead.http.Dates dates() { return site.get().dates().in(language()); }

    /** The reader site's own words, in the site's language. */
    private ReaderText text() { return ReaderText.of(language()); }

    /** What a cached page must have been rendered with: the rail's rankings and the site's structure. */
    private long version() { return popularity.rankings().version() + 1_000_003L * siteVersion.current(); }

    public ReaderSite(ArticleStore articles, TaxonomyStore taxonomy, Popularity popularity, Templates templates, Assets assets,
                      java.util.function.Supplier<org.masthead.settings.SiteSettings> site, String baseUrl, List<Integer> renditionWidths, java.time.Clock clock,
                      java.time.Duration archiveAfter, org.masthead.article.PreviewLinks previews, org.masthead.article.Autosaves autosaves,
                      org.masthead.front.Fronts fronts, org.masthead.media.MediaStore media,
                      org.masthead.page.Pages pages, org.masthead.cluster.SiteVersion siteVersion) {
        this.siteVersion = siteVersion;
        this.pages = pages;
        this.bodyPhotos = new ReaderBody(media, renditionWidths);
        this.media = media;
        this.fronts = fronts;
        this.site = site;
        this.previews = previews;
        this.autosaves = autosaves;
        this.clock = clock;
        this.archiveAfter = archiveAfter;
        this.renditionWidths = List.copyOf(renditionWidths);
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.popularity = popularity;
        this.templates = templates;
        this.assets = assets;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/", this::home, Access.ANYONE);
        r.get("/search", this::search, Access.ANYONE);
        r.get("/assets/{name}", this::asset, Access.ANYONE);
        r.get("/theme.css", this::theme, Access.ANYONE);
        r.get("/corrections/", this::corrections, Access.ANYONE);
        r.get("/preview/{token}", this::preview, Access.ANYONE);        // the signed link is the credential
        r.get("/tag/{slug}/", ctx -> listing(ctx, "tag"), Access.ANYONE);
        r.get("/author/{slug}/", ctx -> listing(ctx, "author"), Access.ANYONE);
        // Normalizing redirects re-encode what they echo, so "/%2fevil.example" stays on this host.
        r.get("/tag/{slug}", ctx -> moved(ctx, "/tag/" + Slugs.encode(ctx.pathParam("slug")) + "/"), Access.ANYONE);
        r.get("/author/{slug}", ctx -> moved(ctx, "/author/" + Slugs.encode(ctx.pathParam("slug")) + "/"), Access.ANYONE);
        r.get("/{section}", ctx -> moved(ctx, "/" + Slugs.encode(ctx.pathParam("section")) + "/"), Access.ANYONE);
        r.get("/{section}/", this::front, Access.ANYONE);
        r.get("/{section}/{slug}", this::article, Access.ANYONE);
        r.get("/{section}/{slug}/", ctx -> {
            var a = ctx.pathParam("section");
            var b = ctx.pathParam("slug");
            if (isMonthArchive(a, b)) monthArchive(ctx, Integer.parseInt(a), Integer.parseInt(b));
            else moved(ctx, "/" + Slugs.encode(a) + "/" + Slugs.encode(b));
        }, Access.ANYONE);
    }

    /** A permanent redirect to a path on this site; refuses (404) anything that a browser would read as another host. */
    private void moved(Context ctx, String path) {
        if (!Redirects.isLocal(path)) {
            notFound(ctx);
            return;
        }
        ctx.header("Cache-Control", CacheControl.REDIRECT);
        ctx.redirect(path, HttpStatus.MOVED_PERMANENTLY);
    }

    /**
     * The cache key of a reader page URL, or null when the URL is not a cacheable page:
     * {@code /} → home, {@code /{s}/} (optionally {@code ?page=N}) → front, {@code /{s}/{slug}} → article.
     * Query strings other than a front's page number are ignored (tracking parameters share the page).
     */
    static String keyFor(String path, String query) {
        if (path.equals("/")) return query != null && query.matches("(?:.*&)?p=[0-9]+(?:&.*)?") ? null : "home"; // "/?p=12": an imported site's old link
        var parts = path.split("/", -1);
        if (parts.length == 3 && !parts[1].isEmpty() && parts[2].isEmpty()) {
            int page = 1;
            if (query != null && !query.isEmpty()) {
                if (!query.matches("page=[1-9][0-9]{0,5}")) return null;
                page = Integer.parseInt(query.substring(5));
            }
            return "front:" + parts[1] + ":" + page;
        }
        if (parts.length == 3 && !parts[1].isEmpty() && !parts[2].isEmpty()) return "article:" + path;
        return null;
    }

    /** A current cached page for this URL, for the fast lane in front of Javalin; never renders. */
    public Optional<CachedResponse> cached(String path, String query) {
        var key = keyFor(path, query);
        return key == null ? Optional.empty() : cache.current(key, version());
    }

    /**
     * Drops exactly the pages that show a changed article, as it was and as it is: its page (old and
     * new path), its section fronts, its tag and author pages, and home. The same event arrives
     * from this node's saves and from other nodes' (through the change log).
     */
    public void articleChanged(ArticleChanged change) {
        if (change.seen().isEmpty()) return; // a draft: no page shows it
        // Lists first, the story's own page last: whoever sees the new page finds the lists new too.
        cache.invalidate("home");
        cache.invalidate("corrections");
        for (var s : change.seen()) {
            cache.invalidatePrefix("front:" + Slugs.encode(s.sectionSlug()) + ":");
            s.tagSlugs().forEach(t -> cache.invalidatePrefix(listingKey("tag", t))); // every page of the listing
            s.authorSlugs().forEach(a -> cache.invalidatePrefix(listingKey("author", a)));
            if (s.publishedAt() != null) SurrogateKeys.archiveYears(s.publishedAt()).forEach(y -> cache.invalidatePrefix(archiveKey(y)));
        }
        for (var s : change.seen()) cache.invalidate("article:" + s.path());
        cache.invalidateShowing(SurrogateKeys.article(change.articleId())); // pages whose related or "more from" links show it
    }

    /** The search index was built or rebuilt: article pages render again, with related stories from the whole index. */
    public void searchIndexRebuilt() { cache.invalidatePrefix("article:"); }

    /**
     * A preview of any story, as it is now, for whoever holds a signed link: noindex (header and meta),
     * never stored by a CDN or browser cache, not counted in Most Popular (the page sends no beacon).
     */
    private void preview(Context ctx) {
        var opened = previews.open(ctx.pathParam("token"));
        var article = opened.flatMap(o -> articles.find(o.articleId())).filter(a -> a.status() != ArticleStatus.KILLED);
        ctx.header("Cache-Control", CacheControl.PRIVATE).header("X-Robots-Tag", "noindex, nofollow");
        if (article.isEmpty()) {
            error(ctx, 404, text().t("error.preview-expired"), text().t("error.preview-expired.message"));
            return;
        }
        var a = article.get();
        var until = dates().human(opened.get().expiresAt());
        var banner = "Preview: " + a.status().label().toLowerCase(java.util.Locale.ROOT) + ", not what readers see. This link works until " + until + ".";
        if (opened.get().editorId() != null) { // someone's pending edit of the story: their autosaved words over the saved story
            var pending = autosaves.find(opened.get().editorId(), a.id());
            if (pending.isPresent()) {
                var f = pending.get().fields();
                a = new org.masthead.article.Article(a.id(), a.section(), a.slug(), a.status(), f.getOrDefault("headline", a.headline()),
                    f.getOrDefault("dek", a.dek()), org.masthead.article.BodySanitizer.sanitize(f.getOrDefault("body", a.bodyHtml())), a.leadPhoto(),
                    f.getOrDefault("dateline", a.dateline()), a.publishedAt(), a.updatedAt(), a.revision(), a.createdBy(), a.authors(), a.tags(),
                    a.workflow(), a.corrections(), Languages.canonical(f.getOrDefault("language", a.language())), a.seo());
                banner = "Preview of an edit not yet published (autosaved " + dates().human(pending.get().savedAt())
                    + "); readers see the story as it was saved. This link works until " + until + ".";
            }
        }
        ctx.contentType("text/html; charset=utf-8").result(templates.render("site/article.jte", new Pages.ArticleView(
            chrome(a.headline(), a.dek(), a.path(), a.section().slug()).noindexed(), a, List.of(), ageLabel(a), banner, bodyPhotos.render(a.bodyHtml()))));
    }

    /** Every correction, clarification and update, newest first. */
    private void corrections(Context ctx) {
        serve(ctx, "corrections", () -> {
            var heading = text().t("corrections.title");
            var pageChrome = chrome(heading, text().t("corrections.description", siteName()), "/corrections/", "");
            return Optional.of(new PageCache.Rendered(templates.render("site/corrections.jte",
                new Pages.Corrections(pageChrome, articles.listCorrections(100), popular())), "corrections"));
        });
    }

    private static String listingKey(String kind, String slug) { return kind + ":/" + kind + "/" + Slugs.encode(slug) + "/"; }

    private static String archiveKey(int year) { return "archive:" + year + ":"; }

    /** A tag's or an author's page: their stories newest first, a page at a time all the way back (?page=2, …). */
    private void listing(Context ctx, String kind) {
        var slug = ctx.pathParam("slug");
        int page = Http.page(ctx);
        var base = "/" + kind + "/" + Slugs.encode(slug) + "/";
        var path = base + (page > 1 ? "?page=" + page : "");
        serve(ctx, listingKey(kind, slug) + ":" + page, () -> articles.findName(kind, slug).flatMap(name -> {
            var list = articles.listPublishedWith(kind, slug, FRONT_PAGE_SIZE + 1, (page - 1) * FRONT_PAGE_SIZE);
            if (list.isEmpty() && page > 1) return Optional.empty();
            var profile = kind.equals("author") ? taxonomy.findProfile(slug).orElse(null) : null;
            var photo = profile == null || profile.photoId() == null ? null : media.find(profile.photoId()).orElse(null);
            var heading = name;
            var description = profile != null && !profile.bio().isEmpty() ? profile.paragraphs().get(0)
                : text().t("list.at", kind.equals("tag") ? heading : text().t("list.by.title", name), siteName());
            var title = paged(kind.equals("tag") ? heading : text().t("list.by.title", name), page);
            var listChrome = chrome(title, description, path, "");
            listChrome = listChrome.with(profile == null ? "" : StructuredData.author(profile, baseUrl, photo),
                social(profile == null ? "website" : "profile", listChrome.title(), listChrome.description(), baseUrl + path, photo));
            return Optional.of(new PageCache.Rendered(templates.render("site/list.jte", new Pages.Listing(listChrome, heading,
                list.subList(0, Math.min(FRONT_PAGE_SIZE, list.size())), popular(), profile, photo, base, page, list.size() > FRONT_PAGE_SIZE)),
                SurrogateKeys.listing(kind, slug)));
        }));
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(19|20)[0-9]{2}");
    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("0[1-9]|1[0-2]");

    /** /2016/: the months of a year that have stories, in the site's time zone, each with how many. */
    private void yearArchive(Context ctx, int year) {
        serve(ctx, archiveKey(year), () -> {
            var zone = dates().zone();
            long from = java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
            long to = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
            var range = articles.publishedRange().orElse(null);
            if (range == null) return Optional.empty();
            int firstYear = java.time.Instant.ofEpochMilli(range[0]).atZone(zone).getYear();
            int lastYear = Math.max(java.time.Year.now(zone).getValue(), java.time.Instant.ofEpochMilli(range[1]).atZone(zone).getYear());
            if (year < firstYear || year > lastYear) return Optional.empty(); // within the archive, a year without stories says so
            var counts = new java.util.TreeMap<Integer, Integer>(java.util.Comparator.reverseOrder());
            for (long t : articles.listPublishedTimesBetween(from, to)) counts.merge(java.time.Instant.ofEpochMilli(t).atZone(zone).getMonthValue(), 1, Integer::sum);
            var years = java.util.stream.IntStream.iterate(lastYear, y -> y >= firstYear, y -> y - 1).boxed().toList();
            var months = counts.entrySet().stream().map(e -> new Pages.MonthCount("/%d/%02d/".formatted(year, e.getKey()),
                monthName(year, e.getKey()), e.getValue())).toList();
            var yearChrome = chrome(text().t("year.title", String.valueOf(year)), text().t("year.description", siteName(), String.valueOf(year)), "/" + year + "/", "");
            return Optional.of(new PageCache.Rendered(templates.render("site/year.jte", new Pages.YearArchive(yearChrome, year, months, years, popular())),
                SurrogateKeys.archive(year)));
        });
    }

    /** /2016/09/: a month's stories, newest first, a page at a time. */
    private void monthArchive(Context ctx, int year, int month) {
        int page = Http.page(ctx);
        var base = "/%d/%02d/".formatted(year, month);
        serve(ctx, archiveKey(year) + month + ":" + page, () -> {
            var zone = dates().zone();
            var first = java.time.LocalDate.of(year, month, 1);
            long from = first.atStartOfDay(zone).toInstant().toEpochMilli();
            long to = first.plusMonths(1).atStartOfDay(zone).toInstant().toEpochMilli();
            var list = articles.listPublishedBetweenNewestFirst(from, to, FRONT_PAGE_SIZE + 1, (page - 1) * FRONT_PAGE_SIZE);
            if (list.isEmpty()) return Optional.empty();
            var heading = monthName(year, month);
            var path = base + (page > 1 ? "?page=" + page : "");
            var monthChrome = chrome(paged(text().t("month.title", heading), page), text().t("month.description", siteName(), heading), path, "");
            return Optional.of(new PageCache.Rendered(templates.render("site/list.jte", new Pages.Listing(monthChrome, heading,
                list.subList(0, Math.min(FRONT_PAGE_SIZE, list.size())), popular(), null, null, base, page, list.size() > FRONT_PAGE_SIZE)),
                SurrogateKeys.archive(year)));
        });
    }

    /** "September 2016", in the site's language. */
    private String monthName(int year, int month) {
        return java.time.YearMonth.of(year, month).format(java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", java.util.Locale.forLanguageTag(language())));
    }

    /** Whether /{a}/{b}/ is a month's archive rather than a section's story (a section may not be named like a year). */
    private boolean isMonthArchive(String a, String b) {
        return YEAR.matcher(a).matches() && MONTH.matcher(b).matches() && taxonomy.findSectionBySlug(a).isEmpty();
    }

    private SiteChrome chrome(String title, String description, String path, String active) {
        return new SiteChrome(siteName(), language(), taxonomy.listVisibleSections(), title, description, baseUrl + path, active,
            assets.url("site.css"), assets.url("site.js"), renditionWidths, "", java.util.Map.of(), false, dates(), site.get(),
            site.get().logoId() == null ? null : media.find(site.get().logoId()).orElse(null));
    }

    private void home(Context ctx) {
        var old = ctx.queryParam("p");
        if (old != null && old.matches("[0-9]{1,18}")) { // WordPress's "?p=12" of an imported story
            var moved = articles.findRedirect("/?p=" + old).flatMap(articles::find).filter(a -> a.isPublished());
            if (moved.isPresent()) {
                moved(ctx, moved.get().path());
                return;
            }
        }
        serve(ctx, "home", () -> {
            var latest = fronts.resolve(fronts.find("home").orElseThrow(), org.masthead.front.Fronts.HOME_SLOTS); // editors' picks, then the newest
            if (latest.isEmpty()) {
                return Optional.of(new PageCache.Rendered(templates.render("site/empty.jte", chrome(siteName(), "", "/", "")), SurrogateKeys.HOME));
            }
            var blocks = new ArrayList<Pages.SectionBlock>();
            for (Section s : taxonomy.listVisibleSections()) {
                var list = articles.listPublished(s.id(), 4, 0);
                if (!list.isEmpty()) blocks.add(new Pages.SectionBlock(s, list));
            }
            var homeChrome = chrome(siteName(), text().t("home.title.description", siteName()), "/", "");
            homeChrome = homeChrome.with(StructuredData.home(siteName(), baseUrl, assets.url("logo.svg")),
                social("website", siteName(), homeChrome.description(), baseUrl + "/", null));
            return Optional.of(new PageCache.Rendered(templates.render("site/home.jte", new Pages.Home(homeChrome, latest.get(0),
                latest.subList(1, latest.size()), blocks, popular())), SurrogateKeys.HOME));
        });
    }

    private void front(Context ctx) {
        var slug = ctx.pathParam("section");
        int page = Http.page(ctx);
        var section = taxonomy.findSectionBySlug(slug);
        if (section.isEmpty() && !slug.equals(canonical(slug))) {
            moved(ctx, "/" + Slugs.encode(canonical(slug)) + "/");
            return;
        }
        if (section.isEmpty() && YEAR.matcher(slug).matches()) {
            yearArchive(ctx, Integer.parseInt(slug));
            return;
        }
        if (section.isEmpty()) {
            var renamed = taxonomy.findRenamedSection(slug);
            if (renamed.isPresent()) moved(ctx, renamed.get().path() + (page > 1 ? "?page=" + page : ""));
            else staticPage(ctx, slug);
            return;
        }
        serve(ctx, "front:" + Slugs.encode(slug) + ":" + page, () -> {
            var s = section.get();
            var list = frontPage(s, page);
            if (list.isEmpty() && page > 1) return Optional.empty();
            var title = paged(s.name(), page);
            var path = s.path() + (page > 1 ? "?page=" + page : "");
            var frontChrome = chrome(title, text().t("front.description", s.name()), path, s.slug());
            frontChrome = frontChrome.with(StructuredData.section(s, siteName(), baseUrl, assets.url("logo.svg")),
                social("website", title, frontChrome.description(), baseUrl + path, null));
            return Optional.of(new PageCache.Rendered(templates.render("site/front.jte", new Pages.Front(frontChrome,
                s, list.subList(0, Math.min(FRONT_PAGE_SIZE, list.size())), page, list.size() > FRONT_PAGE_SIZE, popularity.rail(s.id()))),
                SurrogateKeys.section(s.slug())));
        });
    }

    /**
     * A static page at /{slug}/, cached under its revision: a save on any node shows on every node at
     * once (the next request looks up the revision), without an event of its own. 410 once deleted.
     */
    private void staticPage(Context ctx, String slug) {
        var page = pages.findBySlug(slug);
        if (page.isEmpty()) {
            if (pages.wasDeleted(slug)) error(ctx, 410, text().t("error.page-gone"), text().t("error.page-gone.message"));
            else notFound(ctx);
            return;
        }
        var p = page.get();
        serve(ctx, "page:" + p.id() + ":" + p.revision(), () -> {
            var pageChrome = chrome(p.title(), p.title() + " at " + siteName(), p.path(), "");
            pageChrome = pageChrome.with("", social("website", p.title(), pageChrome.description(), baseUrl + p.path(), null));
            var lang = p.language().isEmpty() || p.language().equals(language()) ? null : p.language();
            return Optional.of(new PageCache.Rendered(templates.render("site/page.jte", new Pages.Static(pageChrome, p.title(), bodyPhotos.render(p.bodyHtml()),
                lang, lang == null ? null : Languages.dir(lang), popular())), "page-" + p.id()));
        });
    }

    /**
     * One page of a section front: page 1 is the editors' programmed slots, then the newest; later
     * pages continue by recency, leaving out the programmed stories (already on page 1). One more
     * than a page, so the caller knows whether another follows.
     */
    private List<ArticleSummary> frontPage(Section s, int page) {
        var front = fronts.find(s.slug()).orElseThrow();
        if (page == 1) return fronts.resolve(front, FRONT_PAGE_SIZE + 1);
        var programmed = fronts.slots(front).stream().map(org.masthead.front.Fronts.Slot::articleId).collect(java.util.stream.Collectors.toSet());
        int offset = Math.max(0, (page - 1) * FRONT_PAGE_SIZE - programmed.size());
        return articles.listPublished(s.id(), FRONT_PAGE_SIZE + 1 + programmed.size(), offset).stream()
            .filter(a -> !programmed.contains(a.id())).limit(FRONT_PAGE_SIZE + 1).toList();
    }

    private void article(Context ctx) {
        var sectionSlug = ctx.pathParam("section");
        var slug = ctx.pathParam("slug");
        var path = "/" + Slugs.encode(sectionSlug) + "/" + Slugs.encode(slug);
        if (isMonthArchive(sectionSlug, slug)) {
            moved(ctx, path + "/");
            return;
        }
        serve(ctx, "article:" + path, () -> articles.findPublished(sectionSlug, slug).map(a -> {
            var related = related(a);
            var shown = new java.util.HashSet<Long>(related.stream().map(ArticleSummary::id).toList());
            shown.add(a.id());
            var more = articles.listPublished(a.section().id(), MORE_FROM_SECTION + shown.size(), 0).stream()
                .filter(r -> !shown.contains(r.id())).limit(MORE_FROM_SECTION).toList();
            var keys = new StringBuilder(SurrogateKeys.forPage(a)); // and the stories it links to: a change to one renders it again
            related.forEach(r -> keys.append(' ').append(SurrogateKeys.article(r.id())));
            more.forEach(r -> keys.append(' ').append(SurrogateKeys.article(r.id())));
            return new PageCache.Rendered(templates.render("site/article.jte", new Pages.ArticleView(
                chrome(a.seo().title().isEmpty() ? a.headline() : a.seo().title(), a.seo().description().isEmpty() ? a.dek() : a.seo().description(),
                    a.path(), a.section().slug()).with(StructuredData.article(a, siteName(), language(), baseUrl, assets.url("logo.svg"),
                    taxonomy.profiles(a.authors().stream().map(au -> au.id()).toList())),
                    articleSocial(a)), a, popular(), ageLabel(a), "", bodyPhotos.render(a.bodyHtml()), related, more)), keys.toString());
        }));
        if (ctx.statusCode() == 404) {
            var moved = articles.findRedirect(path).flatMap(articles::find).filter(a -> a.isPublished());
            var renamed = taxonomy.findRenamedSection(sectionSlug);
            if (moved.isPresent()) {
                moved(ctx, moved.get().path());
            } else if (renamed.isPresent()) {
                moved(ctx, renamed.get().path() + Slugs.encode(slug)); // the section was renamed: its stories moved with it
            } else if (!sectionSlug.equals(canonical(sectionSlug)) || !slug.equals(canonical(slug))) {
                moved(ctx, "/" + Slugs.encode(canonical(sectionSlug)) + "/" + Slugs.encode(canonical(slug))); // slugs are NFC, lower case
            } else if (articles.findStatus(sectionSlug, slug).filter(st -> st == ArticleStatus.UNPUBLISHED || st == ArticleStatus.KILLED).isPresent()) {
                error(ctx, 410, text().t("error.story-gone"), text().t("error.story-gone.message"));
            }
        }
    }

    static final int RELATED = 4;
    static final int MORE_FROM_SECTION = 4;

    /** Stories like {@code a} from the search index, as SQL has them now (a story taken down a moment ago is left out). */
    private List<ArticleSummary> related(Article a) {
        if (searchIndex == null) return List.of();
        return articles.listPublishedByIds(searchIndex.related(a, RELATED + 1, clock.millis())).stream().limit(RELATED).toList();
    }

    /** OpenGraph and Twitter card values; the image is the 16:9 rendition when the photo is large enough. */
    private java.util.Map<String, String> social(String type, String title, String description, String url, org.masthead.media.Photo photo) {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("og:type", type);
        m.put("og:site_name", siteName());
        m.put("og:title", title);
        if (!description.isEmpty()) m.put("og:description", description);
        m.put("og:url", url);
        m.put("twitter:card", photo == null ? "summary" : "summary_large_image");
        m.put("twitter:title", title);
        if (!description.isEmpty()) m.put("twitter:description", description);
        if (photo == null && site.get().socialImageId() != null) photo = media.find(site.get().socialImageId()).orElse(null); // the site's default card
        if (photo != null) {
            boolean wide = photo.wideUrl().contains("wide-");
            m.put("og:image", baseUrl + photo.wideUrl());
            m.put("og:image:width", String.valueOf(wide ? 1280 : photo.width()));
            m.put("og:image:height", String.valueOf(wide ? 720 : photo.height()));
            if (!photo.altText().isEmpty()) m.put("og:image:alt", photo.altText());
            m.put("twitter:image", baseUrl + photo.wideUrl());
        }
        return m;
    }

    /**
     * "This article is more than 9 years old" once a story is older than {@code archiveAfter} (the Guardian's habit:
     * an old story shared today misleads). Whole years; "more than a year" for the first.
     */
    String ageLabel(org.masthead.article.Article a) {
        if (a.publishedAt() == null || clock.millis() - a.publishedAt() < archiveAfter.toMillis()) return "";
        var years = java.time.Period.between(java.time.Instant.ofEpochMilli(a.publishedAt()).atZone(dates().zone()).toLocalDate(),
            clock.instant().atZone(dates().zone()).toLocalDate()).getYears();
        if (years < 1) return text().t("article.age.months", archiveAfter.toDays() / 30);
        return text().t("article.age.years", years);
    }

    private java.util.Map<String, String> articleSocial(org.masthead.article.Article a) {
        var label = ageLabel(a);
        var description = a.seo().description().isEmpty() ? a.dek() : a.seo().description();
        var image = a.seo().imageId() == null ? a.leadPhoto() : media.find(a.seo().imageId()).orElse(a.leadPhoto());
        var m = social("article", a.seo().title().isEmpty() ? a.headline() : a.seo().title(), label.isEmpty() ? description : label + ". " + description,
            baseUrl + a.path(), image);
        if (a.publishedAt() != null) m.put("article:published_time", java.time.Instant.ofEpochMilli(a.publishedAt()).toString());
        m.put("article:modified_time", java.time.Instant.ofEpochMilli(a.updatedAt()).toString());
        m.put("article:section", a.section().name());
        return m;
    }

    private List<ArticleSummary> popular() { return popularity.rail(null); }

    /** A slug as the site writes it: NFC, lower case. */
    private static String canonical(String slug) {
        return java.text.Normalizer.normalize(slug, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
    }

    /** Serves a page from the cache, rendering it on a miss (the fast lane serves later hits). */
    private void serve(Context ctx, String key, java.util.function.Supplier<Optional<PageCache.Rendered>> render) {
        var page = cache.get(key, version(), render);
        if (page.isEmpty()) {
            notFound(ctx);
            return;
        }
        var p = page.get();
        var encoding = ctx.header("Accept-Encoding");
        boolean gzip = encoding != null && encoding.contains("gzip");
        var etag = gzip ? p.gzipEtag() : p.etag();
        ctx.header("Cache-Control", p.cacheControl()).header("ETag", etag).header("Vary", "Accept-Encoding");
        if (!p.surrogateKeys().isEmpty()) ctx.header("Surrogate-Key", p.surrogateKeys()).header("Cache-Tag", p.surrogateKeys().replace(' ', ','));
        if (Etags.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        if (gzip) ctx.header("Content-Encoding", "gzip");
        ctx.contentType(p.contentType()).result(gzip ? p.gzipBody() : p.body());
    }

    /** The accent colour from the site settings, as a stylesheet the layout loads after site.css. */
    private void theme(Context ctx) {
        var accent = site.get().accent();
        boolean current = accent.replace("#", "").equals(ctx.queryParam("v"));
        ctx.header("Cache-Control", current ? CacheControl.IMMUTABLE : CacheControl.publicFor(60)).contentType("text/css; charset=utf-8")
            .result(":root { --accent: " + accent + "; }\n@media (prefers-color-scheme: dark) { :root { --accent: "
                + Contrast.lightenedFor(accent, Contrast.DARK_GROUND) + "; } }\n");
    }

    private void asset(Context ctx) {
        var asset = assets.find(ctx.pathParam("name"));
        if (asset.isEmpty()) {
            notFound(ctx);
            return;
        }
        var a = asset.get();
        boolean fingerprinted = a.fingerprint().equals(ctx.queryParam("v"));
        var etag = "\"" + a.fingerprint() + "\"";
        ctx.header("Cache-Control", fingerprinted ? CacheControl.IMMUTABLE : CacheControl.publicFor(300))
            .header("ETag", etag);
        if (Etags.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.contentType()).result(a.bytes());
    }

    private org.masthead.search.@org.jspecify.annotations.Nullable SearchIndex searchIndex;
    private java.util.function.Predicate<Context> searchAllowed = ctx -> true;

    /** The search index this site's /search answers from, and who may search now (a per-address limit). */
    public void searchWith(org.masthead.search.SearchIndex index, java.util.function.Predicate<Context> allowed, java.util.function.Predicate<Context> crawler) {
        this.searchIndex = index;
        this.searchAllowed = allowed;
        this.crawler = crawler;
    }

    private java.util.function.Predicate<Context> crawler = ctx -> false;

    /** A search's own address with these parameters (empty ones left out), for pagers, respellings and removing a filter. */
    static String searchUrl(String q, java.util.Map<String, String> params) {
        var sb = new StringBuilder("/search?q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) sb.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    /**
     * Readers' search: a GET form, results with highlights, filters and pages; never indexed, never cached. Known
     * crawlers get a page saying so before any search runs; everyone else is held to the per-address limit.
     */
    private void search(Context ctx) {
        ctx.header("X-Robots-Tag", "noindex");
        if (searchIndex == null) {
            notFound(ctx);
            return;
        }
        if (crawler.test(ctx)) {
            error(ctx, 200, text().t("search.crawler"), text().t("search.crawler.message"));
            return;
        }
        if (!searchAllowed.test(ctx)) {
            send(ctx, refusal(429, "60", "search.too-many"));
            return;
        }
        var q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        org.masthead.search.SearchIndex.Filters filters;
        int page;
        try {
            filters = org.masthead.search.SearchApiRoutes.filters(ctx);
            page = org.masthead.search.SearchApiRoutes.page(ctx);
        } catch (org.masthead.search.SearchApiRoutes.Unreadable e) { // the form again, as she filled it, saying what to change
            var asTyped = new org.masthead.search.SearchIndex.Filters(ctx.queryParam("section"), ctx.queryParam("author"), ctx.queryParam("tag"), null, null,
                "newest".equals(ctx.queryParam("sort")));
            ctx.status(400).header("Cache-Control", CacheControl.NO_STORE).contentType("text/html; charset=utf-8")
                .result(templates.render("site/search.jte", new Pages.Search(chrome(text().t("search.unreadable"), "", "/search", "").noindexed(), q,
                    new org.masthead.search.SearchIndex.Results(0, true, List.of(), 1, false, 0, 0, ""), taxonomy.listVisibleSections(), asTyped, "", "", "", "",
                    aDate(ctx.queryParam("from")), aDate(ctx.queryParam("to")), List.of(), text().t("search.unreadable." + e.what(), e.value()))));
            return;
        }
        org.masthead.search.SearchIndex.Results results;
        try {
            results = searchIndex.search(q, filters, page, clock.millis());
        } catch (org.masthead.search.SearchIndex.Busy e) {
            send(ctx, searchBusy());
            return;
        }
        var params = new java.util.LinkedHashMap<String, String>();
        params.put("section", filters.section());
        params.put("author", filters.author());
        params.put("tag", filters.tag());
        params.put("from", ctx.queryParam("from"));
        params.put("to", ctx.queryParam("to"));
        params.put("sort", filters.newest() ? "newest" : null);
        var base = searchUrl(q, params);
        var prev = results.page() > 1 ? base + "&page=" + (results.page() - 1) : "";
        var next = (long) results.page() * org.masthead.search.SearchIndex.PAGE_SIZE < results.total() && results.page() < org.masthead.search.SearchIndex.MAX_PAGE
            ? base + "&page=" + (results.page() + 1) : "";
        var suggestion = results.suggestion().isEmpty() ? "" : searchUrl(results.suggestion(), params);
        boolean filtered = params.entrySet().stream().anyMatch(e -> !e.getKey().equals("sort") && e.getValue() != null && !e.getValue().isBlank());
        var title = q.isEmpty() ? text().t("search.title") : text().t("search.title.query", q);
        ctx.status(200).header("Cache-Control", CacheControl.NO_STORE).contentType("text/html; charset=utf-8")
            .result(templates.render("site/search.jte", new Pages.Search(chrome(title, "", "/search", "").noindexed(), q, results,
                taxonomy.listVisibleSections(), filters, prev, next, suggestion, filtered ? searchUrl(q, java.util.Map.of()) : "",
                nullToEmpty(ctx.queryParam("from")), nullToEmpty(ctx.queryParam("to")), results.total() == 0 && !q.isEmpty() ? popular() : List.of(), "")));
    }

    private static String nullToEmpty(String s) { return s == null ? "" : s.strip(); }

    /** {@code s} when it is a date a date field can show (the one she mistyped is named in the message instead), else "". */
    private static String aDate(String s) {
        try {
            return s == null ? "" : java.time.LocalDate.parse(s.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
    }

    public void notFound(Context ctx) {
        error(ctx, 404, text().t("error.not-found"), text().t("error.not-found.message"));
    }

    /** Renders the reader error page; never cached by shared caches. */
    /** The busy page for the fast lane (a search while the node's search budget is spent). */
    public org.masthead.http.FastLane.Refusal searchBusy() { return refusal(503, "5", "search.busy"); }

    /** A page's title, "(page 2)" after it past the first. */
    private String paged(String title, int page) { return page > 1 ? text().t("list.page.title", title, page) : title; }

    /** A refusal a flood meets many times a second: rendered once (per site version) and sent from memory, so it costs next to nothing. */
    private org.masthead.http.FastLane.Refusal refusal(int status, String retryAfter, String textKey) {
        var page = cache.get("refusal:" + status, version(), () -> {
            var heading = text().t(textKey); // the site's words, looked up once per render, not per refusal
            return Optional.of(new PageCache.Rendered(templates.render("site/error.jte",
                new Pages.Error(chrome(heading, "", "/search", ""), status, heading, text().t(textKey + ".message"))), ""));
        }).orElseThrow();
        return new org.masthead.http.FastLane.Refusal(status, retryAfter, page.contentType(), page.body());
    }

    private static void send(Context ctx, org.masthead.http.FastLane.Refusal r) {
        ctx.status(r.status()).header("Retry-After", r.retryAfter()).header("Cache-Control", CacheControl.NO_STORE).contentType(r.contentType()).result(r.body());
    }

    public void error(Context ctx, int status, String heading, String message) {
        ctx.status(status).header("Cache-Control", CacheControl.NO_STORE).contentType("text/html; charset=utf-8")
            .result(templates.render("site/error.jte", new Pages.Error(chrome(heading, "", ctx.path(), ""), status, heading, message)));
    }
}
