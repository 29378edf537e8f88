package org.masthead.app;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import org.masthead.account.AccountRoutes;
import org.masthead.account.Accounts;
import org.masthead.account.NewsroomGuard;
import org.masthead.account.Passwords;
import org.masthead.account.UserStore;
import org.masthead.article.ArticleAdminRoutes;
import org.masthead.article.ArticleApiRoutes;
import org.masthead.article.ArticleStore;
import org.masthead.article.ChangeFollower;
import org.masthead.article.ChangeLog;
import org.masthead.article.Autosaves;
import org.masthead.article.CopyDesk;
import org.masthead.article.Desk;
import org.masthead.article.DeskRoutes;
import org.masthead.article.PreviewLinks;
import org.masthead.article.Publishing;
import org.masthead.article.RevisionAdminRoutes;
import org.masthead.article.Revisions;
import org.masthead.cluster.Job;
import org.masthead.cluster.JobLeases;
import org.masthead.cluster.Jobs;
import org.masthead.db.Database;
import org.masthead.db.Secrets;
import org.masthead.account.ApiTokens;
import org.masthead.account.TokenAdminRoutes;
import org.masthead.account.AccessCheck;
import org.masthead.account.AuditLog;
import org.masthead.account.AuditRoutes;
import org.masthead.account.ApiGuard;
import org.masthead.api.OpenApiRoutes;
import org.masthead.webhooks.WebhookAdminRoutes;
import org.masthead.webhooks.Webhooks;
import org.masthead.feeds.FeedRoutes;
import org.masthead.feeds.Feeds;
import org.masthead.feeds.SitemapRoutes;
import org.masthead.feeds.Sitemaps;
import org.masthead.http.ClientAddress;
import org.masthead.http.FastLane;
import org.masthead.http.WebServer;
import org.masthead.http.OutboundGuard;
import org.masthead.site.CdnPurges;
import org.masthead.media.PhotoApiRoutes;
import org.masthead.http.Templates;
import org.masthead.http.WebJars;
import org.masthead.media.DecodeBudget;
import org.masthead.media.FileBlobStore;
import org.masthead.media.MediaAdminRoutes;
import org.masthead.media.MediaRoutes;
import org.masthead.media.MediaStore;
import org.masthead.media.PhotoUploads;
import org.masthead.media.RenditionJob;
import org.masthead.media.Renditions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.masthead.front.FrontAdminRoutes;
import org.masthead.front.FrontApiRoutes;
import org.masthead.front.Fronts;
import org.masthead.ops.OpsRoutes;
import org.masthead.settings.Settings;
import org.masthead.settings.SettingsAdminRoutes;
import org.masthead.settings.SiteSettings;
import org.masthead.popularity.BotFilter;
import org.masthead.popularity.PopularAdminRoutes;
import org.masthead.popularity.PopularApiRoutes;
import org.masthead.popularity.Popularity;
import org.masthead.popularity.RedisViewStore;
import org.masthead.popularity.SqlViewStore;
import org.masthead.popularity.ViewBeacon;
import org.masthead.popularity.ViewStore;
import org.masthead.site.Assets;
import org.masthead.site.ReaderSite;
import org.masthead.taxonomy.NameRepair;
import org.masthead.taxonomy.NameRepairRoutes;
import org.masthead.taxonomy.TaxonomyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: everything is created and wired here, top to bottom. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    /** What the CLI and tests reach into after start. */
    public record Services(String node, Database db, Accounts accounts, UserStore users, TaxonomyStore taxonomy, ArticleStore articles,
                           ChangeLog changes, Publishing publishing, ApiTokens apiTokens, MediaStore mediaStore, PhotoUploads uploads, Renditions renditions, RenditionJob renditionJob,
                           Popularity popularity, ViewStore views,
                           PrometheusMeterRegistry metrics) {
        /** Closes what services() opened, for CLI commands that never start the server. */
        public void close() {
            if (views instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a Redis connection that is already gone
                }
            }
            db.close();
        }
    }

    private final Javalin server;
    private final Services services;

    private final Jobs jobs;
    private final AppConfig config;

    private final org.masthead.search.SearchIndex search;

    private App(Javalin server, Services services, Jobs jobs, AppConfig config, org.masthead.search.SearchIndex search) {
        this.server = server;
        this.services = services;
        this.jobs = jobs;
        this.config = config;
        this.search = search;
    }

    /** This node's search index. */
    public org.masthead.search.SearchIndex search() { return search; }

    public AppConfig config() { return config; }

    /** Opens the store (migrated) and the services without the web server: for CLI commands. */
    public static Services services(AppConfig config, Clock clock) {
        var db = Database.open(config.db().dataDir(), config.db().url(), config.db().user(), config.db().password(), config.db().poolSize(),
            List.of(new NameRepair(clock)));
        var users = new UserStore(db);
        var accounts = new Accounts(users, new Passwords(), clock);
        var taxonomy = new TaxonomyStore(db);
        DefaultSections.ensure(taxonomy);
        var articles = new ArticleStore(db);
        var mediaStore = new MediaStore(db);
        var node = "node-" + java.util.UUID.randomUUID();              // this process, in leases and the change log
        var changes = new ChangeLog(db);
        var publishing = new Publishing(db, articles, taxonomy, mediaStore, changes, node, clock, config.media().requireAltAndCredit());
        mediaStore.logChangesWith(publishing::logPhotoChange); // a photo's words and their event commit together
        publishing.limitSectionsBy(user -> users.listSections(user.id())); // per-section editors: none listed means every section
        var blobs = new FileBlobStore(config.media().storageDir());
        var decoding = DecodeBudget.ofHeap(); // uploads and renditions share one bound on decoded pixels
        var uploads = new PhotoUploads(mediaStore, blobs, config.media().maxUploadBytes(), config.media().maxPixels(), decoding, clock);
        var renditions = new Renditions(mediaStore, blobs, config.media().renditionWidths()).decodingWithin(decoding);
        var renditionJob = new RenditionJob(mediaStore, renditions);
        uploads.onStored(renditionJob::nudge);
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var p = config.popularity();
        ViewStore views = config.redis().enabled()
            ? RedisViewStore.connect(config.redis().url(), config.redis().keyPrefix(), p.retentionDays())
            : new SqlViewStore(db);
        var popularity = new Popularity(views, articles, clock, new Popularity.Settings(p.tick(), 10, p.perAddressPerMinute(),
            p.maxRememberedReaders(), p.maxPendingKeys(), p.retentionDays()), BotFilter.load(), metrics);
        return new Services(node, db, accounts, users, taxonomy, articles, changes, publishing, new ApiTokens(db, clock), mediaStore, uploads, renditions, renditionJob, popularity, views, metrics);
    }

    /** The WordPress importer over these services, for the CLI, the newsroom's upload page and tests. */
    public static org.masthead.importer.WxrImport wxrImport(Services s, AppConfig config, Clock clock) {
        return new org.masthead.importer.WxrImport(s.db(), s.publishing(), s.articles(), s.taxonomy(), new org.masthead.page.Pages(s.db(), s.taxonomy(), clock),
            s.uploads(), s.accounts(), new OutboundGuard(config.http().allowPrivateTargets()), new org.masthead.article.Desk(s.db(), s.users(), clock),
            config.site().timeZone(), clock);
    }

    public static App start(AppConfig config, Clock clock) {
        var s = services(config, clock);
        try {
            return start(config, clock, s);
        } catch (RuntimeException e) {
            s.close(); // a refused start leaves no pool or connection behind
            throw e;
        }
    }

    private static App start(AppConfig config, Clock clock, Services s) {
        var templates = Templates.precompiled();
        var assets = Assets.load(List.of("site.css", "site.js", "newsroom.css", "newsroom.js", "logo.svg"));
        var site = config.site();
        var copyDesk = new CopyDesk(s.articles(), clock, site.baseUrl());
        var desk = new Desk(s.db(), s.users(), clock);
        var previews = new PreviewLinks(new Secrets(s.db()).get("preview-links"), clock); // one key for every node
        var autosaves = new Autosaves(s.db(), clock);
        var fronts = new Fronts(s.db(), s.articles(), s.taxonomy(), clock);
        var pages = new org.masthead.page.Pages(s.db(), s.taxonomy(), clock);
        var siteVersion = new org.masthead.cluster.SiteVersion(s.db());   // sections changed on any node: every node re-renders
        siteVersion.onChange(s.taxonomy()::forgetSections);
        siteVersion.start();
        fronts.onChange(s.publishing()::frontChanged);             // the article event: every node's pages and the CDN
        // Site settings: the operator's configuration, under what admins set in the newsroom (an operator's key wins).
        var settings = new Settings(s.db(), new SiteSettings(site.name(), "", site.language(), site.timeZone(), "#0b57d0", List.of(), List.of(), null, null),
            site.explicitKeys());
        settings.reload();
        siteVersion.onChange(settings::reload);
        java.util.function.Supplier<SiteSettings> current = settings::current;
        var reader = new ReaderSite(s.articles(), s.taxonomy(), s.popularity(), templates, assets, current, site.baseUrl(),
            s.renditions().widths(), clock, site.archiveLabelAfter(), previews, autosaves, fronts, s.mediaStore(), pages, siteVersion);
        // One article event: this node's saves and other nodes' (from the change log) reach the same listeners.
        var feeds = new Feeds(s.articles(), s.taxonomy(), current, site.baseUrl());
        siteVersion.onChange(feeds::invalidate);
        var follower = new ChangeFollower(s.changes(), s.node(), clock);
        for (var listener : List.<java.util.function.Consumer<org.masthead.article.ArticleChanged>>of(
                change -> { if (!change.seen().isEmpty()) feeds.invalidate(); }, // feeds, then pages, so whoever sees the new page sees new feeds
                reader::articleChanged,                            // pages before the rail, so the rail refresh sees fresh pages
                s.popularity()::articleChanged)) {
            s.publishing().onChange(listener);
            follower.onChange(listener);                           // webhooks and CDN purges go out once, from the node of the change
        }
        var outbound = new OutboundGuard(config.http().allowPrivateTargets());
        var clients = ClientAddress.trusting(config.http().trustedProxies());
        // Search: this node's Lucene index, derived from SQL, following the same article event as the pages.
        var search = new org.masthead.search.SearchIndex(config.db().dataDir().resolve("search"), s.articles(), s.changes(),
            config.media().renditionWidths(), clock).withPhotos(s.mediaStore()); // the newsroom's photo library, the same engine
        s.mediaStore().searchWith(search::photoIds);
        s.uploads().onNew(s.publishing()::photoChanged);                    // a new photo is searchable at once, on every node
        search.onRebuilt(reader::searchIndexRebuilt);
        if (config.http().searchesPerSecond() > 0) search.limitTo(config.http().searchesPerSecond());
        search.start();
        s.publishing().onChange(search::articleChanged);
        follower.onChange(search::articleChanged);
        var searchLimit = new org.masthead.search.SearchLimiter(60);
        java.util.function.Predicate<io.javalin.http.Context> searchAllowed = ctx -> searchLimit.allow(clients.resolve(ctx.ip(), ctx.header("X-Forwarded-For")));
        reader.searchWith(search, searchAllowed, ctx -> s.popularity().bots().isBot(ctx.userAgent()));
        var webhooks = new Webhooks(s.db(), outbound, clock, config.http().webhookRetryBase(), site.baseUrl());
        s.publishing().onChange(webhooks::articleChanged);
        CdnPurges cdn = null;
        if (!config.cdn().purgeUrl().isEmpty()) {
            var refusal = outbound.refusal(config.cdn().purgeUrl());
            if (refusal != null) throw new AppConfig.ConfigException("cdn.purge-url", refusal);
            cdn = new CdnPurges(config.cdn().purgeUrl(), config.cdn().purgeHeader(), outbound, clock);
            s.publishing().onChange(cdn::articleChanged);
        }
        var guard = new NewsroomGuard(s.accounts(), current);
        java.util.function.Supplier<java.time.ZoneId> zone = () -> settings.current().timeZone();
        var audit = new AuditLog(s.db(), clock);
        var accountRoutes = new AccountRoutes(s.accounts(), s.users(), guard, templates, clients, audit,
            s.taxonomy()::listSections, site.baseUrl());
        var articleRoutes = new ArticleAdminRoutes(s.publishing(), s.articles(), s.taxonomy(), s.uploads(), guard, templates, zone,
            previews, site.baseUrl(), copyDesk, autosaves, desk, s.users(), () -> settings.current().language());
        articleRoutes.searchWith((q, status, section, owner, limit, offset) -> search.searchNewsroom(q, status, section, owner, limit, offset).ids());
        var popularAdmin = new PopularAdminRoutes(s.popularity(), guard, templates);
        var popularApi = new PopularApiRoutes(s.popularity(), s.taxonomy(), site.baseUrl());
        var ops = new OpsRoutes(s.popularity(), s.metrics(), config.ops().metricsToken(), clients);
        var feedRoutes = new FeedRoutes(feeds);
        var sitemapRoutes = new SitemapRoutes(new Sitemaps(s.articles(), s.taxonomy(), current, site.baseUrl(), clock)
            .withPages(pages::list));
        var apiTokens = s.apiTokens();
        var apiGuard = new ApiGuard(apiTokens, clock, config.http().apiRequestsPerMinute());
        var access = new AccessCheck(guard, apiGuard);
        var tokenAdmin = new TokenAdminRoutes(apiTokens, guard, templates, audit, clients);
        var webhookAdmin = new WebhookAdminRoutes(webhooks, guard, templates);
        var revisions = new Revisions(s.articles(), s.publishing());
        var articleApi = new ArticleApiRoutes(s.articles(), s.publishing(), revisions, s.taxonomy(), s.users(), s.mediaStore(), site.baseUrl(), previews, copyDesk, () -> settings.current().language());
        var photoApi = new PhotoApiRoutes(s.mediaStore(), s.uploads(), s.renditions(), site.baseUrl());
        var mediaAdmin = new MediaAdminRoutes(s.mediaStore(), s.uploads(), s.renditions(), s.renditionJob(), guard, templates);
        mediaAdmin.onChanged(s.publishing()::photoChanged);
        var wire = new org.masthead.wire.Wire(s.db(), new org.masthead.wire.WireStore(s.db()), s.publishing(), s.taxonomy(), s.uploads(), outbound, clock);
        articleRoutes.alertsFrom(wire.store()::flagsFor);          // a withdrawn or updated wire item shouts on the story made from it
        var wireSources = new org.masthead.wire.WireSources(s.db(), wire, outbound, s.uploads(),
            config.wire().feeds().stream().map(f -> new org.masthead.wire.WireSources.Feed(f.name(), f.url())).toList(), config.wire().feedInterval(),
            config.wire().folder(), clock);
        var importer = wxrImport(s, config, clock);
        var media = new MediaRoutes(new FileBlobStore(config.media().storageDir()), s.renditions());
        // One runner for every background job; one-node jobs hold a database lease (cluster mode).
        var jobs = new Jobs(new JobLeases(s.db()), clock, s.metrics(), s.node())
            .add(Job.everyNode("popularity", s.popularity().tickEvery(), s.popularity()::tick))
            .add(Job.everyNode("change-follower", java.time.Duration.ofMillis(500), follower::poll))
            .add(Job.oneNode("change-log-compaction", java.time.Duration.ofMinutes(10), follower::compact))
            .add(Job.oneNode("renditions", java.time.Duration.ofSeconds(2), s.renditionJob()::run))
            .add(Job.oneNode("webhooks", java.time.Duration.ofSeconds(1), webhooks::deliver))
            .add(Job.oneNode("front-pins", java.time.Duration.ofSeconds(5), fronts::expire))
            .add(Job.everyNode("site-version", java.time.Duration.ofSeconds(1), siteVersion::poll))
            .add(Job.oneNode("scheduled-publishing", java.time.Duration.ofMillis(250), scheduledPublishing(s))) // and the watchdog: overdue at start too
            .add(Job.oneNode("imports", java.time.Duration.ofSeconds(2), () -> importer.runNext(s.users()::find)))
            .add(Job.oneNode("wire-feeds", java.time.Duration.ofSeconds(5), wireSources::pollFeeds))
            .add(Job.oneNode("wire-folder", java.time.Duration.ofSeconds(2), wireSources::scanFolder))
            .add(Job.everyNode("search-follow", java.time.Duration.ofMillis(500), search::follow))
            .add(Job.everyNode("search-commit", java.time.Duration.ofSeconds(5), search::commit));
        if (cdn != null) {
            jobs.add(Job.everyNode("cdn-purge", java.time.Duration.ofMillis(200), cdn::sendPending));
            cdn.nudgeWith(() -> jobs.nudge("cdn-purge"));
        }
        s.renditionJob().nudgeWith(() -> jobs.nudge("renditions"));
        webhooks.nudgeWith(() -> jobs.nudge("webhooks"));
        search.nudgeWith(() -> jobs.nudge("search-follow"));
        s.popularity().start();                                    // loads the published set and rankings before the first page
        follower.start();

        var server = WebServer.create(new WebServer.Settings(config.http().host(), config.http().port(), config.media().maxUploadBytes()),
            new FastLane(reader::cached, new ViewBeacon(s.popularity()), clients, searchRefusals(search, reader)),
            new WebServer.ErrorPages(reader::error, reader::notFound),
            access::check, List.of(
            accountRoutes::mount,
            articleRoutes::mount,
            popularAdmin::mount,
            popularApi::mount,
            ops::mount,
            media::mount,
            mediaAdmin::mount,
            tokenAdmin::mount,
            photoApi::mount,
            articleApi::mount,
            r -> OpenApiRoutes.load().mount(r),
            webhookAdmin::mount,
            r -> new NameRepairRoutes(s.taxonomy(), guard, templates).mount(r),
            new AuditRoutes(audit, guard, templates)::mount,
            new RevisionAdminRoutes(revisions, s.articles(), guard, templates)::mount,
            new DeskRoutes(desk, s.articles(), s.taxonomy(), guard, templates, zone)::mount,
            new FrontAdminRoutes(fronts, s.articles(), guard, templates, zone, user -> s.users().listSections(user.id()))::mount,
            new SettingsAdminRoutes(settings, guard, templates, id -> s.mediaStore().find(id).isPresent(), siteVersion::bump)::mount,
            new FrontApiRoutes(fronts, site.baseUrl())::mount,
            new org.masthead.page.PageAdminRoutes(pages, guard, templates)::mount,
            new org.masthead.article.AuthorAdminRoutes(s.taxonomy(), s.articles(), s.publishing(), s.mediaStore(), guard, templates)::mount,
            new org.masthead.taxonomy.SectionAdminRoutes(s.taxonomy(), guard, templates, siteVersion::bump)::mount,
            new org.masthead.page.PageApiRoutes(pages, site.baseUrl())::mount,
            new org.masthead.wire.WireRoutes(wire, guard, templates)::mount,
            new org.masthead.search.SearchApiRoutes(search, site.baseUrl(), searchAllowed)::mount,
            new org.masthead.importer.ImportRoutes(importer, config.db().dataDir().resolve("imports"), guard, templates, config.media().maxUploadBytes() * 2,
                () -> jobs.nudge("imports"))::mount,
            feedRoutes::mount,
            sitemapRoutes::mount,
            r -> new WebJars("tinymce/6.8.3/").mount(r),
            reader::mount));                                       // the reader site last: its /{section}/{slug} would shadow the rest
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop();                                         // the port was taken, say: nothing keeps running
            s.popularity().close();
            search.close();
            throw e;
        }
        jobs.start();
        log.info("Masthead listening on http://{}:{}/ ({})", config.http().host(), server.port(), config.db());
        return new App(server, s, jobs, config, search);
    }

    /** The scheduler's step: publish what is due, timing each delay and counting the late ones. */
    private static Job.Step scheduledPublishing(Services s) {
        var delay = io.micrometer.core.instrument.Timer.builder("masthead_scheduled_publish_delay")
            .description("how long after its time a scheduled story was published").register(s.metrics());
        var late = io.micrometer.core.instrument.Counter.builder("masthead_scheduled_published_late")
            .description("scheduled stories published more than a minute late (the watchdog caught them)").register(s.metrics());
        return () -> {
            for (long ms : s.publishing().publishDue()) {
                delay.record(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (ms > 60_000) late.increment();
            }
        };
    }

    public int port() { return server.port(); }

    public Services services() { return services; }

    /** Every registered route with its declared access (the route-table tests walk these). */
    public record Route(String method, String path, java.util.Set<io.javalin.security.RouteRole> roles) {}

    public List<Route> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream().filter(p -> p.endpoint.method.isHttpMethod()).map(p -> {
            var roles = p.endpoint.metadata(io.javalin.security.Roles.class);
            return new Route(p.endpoint.method.name(), p.endpoint.path, roles == null ? java.util.Set.of() : roles.getRoles());
        }).toList();
    }

    /** The jobs runner (operators and tests pause or run jobs by name). */
    public Jobs jobs() { return jobs; }

    @Override
    public void close() {
        server.stop();
        jobs.close();                  // no job runs after this, so the last flush below is the last
        search.close();
        services.popularity().close();
        services.close();
    }

    /** Searches while the node's search budget is spent are refused in the fast lane, before routing: a flood of them costs next to nothing. */
    private static java.util.function.BiFunction<String, String, java.util.Optional<FastLane.Refusal>> searchRefusals(
            org.masthead.search.SearchIndex search, org.masthead.site.ReaderSite reader) {
        var apiBusy = new FastLane.Refusal(503, "5", "application/problem+json", ("{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
            + "\"detail\":\"Search is busy on this server; try again in a few seconds.\",\"instance\":\"/api/v1/search\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (path, query) -> {
            boolean asked = query != null && (query.startsWith("q=") || query.contains("&q="));
            if (!asked || !search.busy()) return java.util.Optional.empty();
            if (path.equals("/api/v1/search")) return java.util.Optional.of(apiBusy);
            return path.equals("/search") ? java.util.Optional.of(reader.searchBusy()) : java.util.Optional.empty();
        };
    }
}
