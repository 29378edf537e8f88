package org.masthead.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.masthead.account.Accounts;
import org.masthead.account.Role;
import org.masthead.account.User;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleStore;
import org.masthead.article.PhotoUse;
import org.masthead.article.Publishing;
import org.masthead.article.Seo;
import org.masthead.article.Transition;
import org.masthead.db.Database;
import org.masthead.http.OutboundGuard;
import org.masthead.media.Photo;
import org.masthead.media.PhotoText;
import org.masthead.media.PhotoUploads;
import org.masthead.media.UploadRejected;
import org.masthead.page.Pages;
import org.masthead.taxonomy.Slugs;
import org.masthead.taxonomy.TaxonomyStore;

/**
 * Imports a WordPress export: posts become stories (status, dates and slugs kept), pages static
 * pages, authors (and Co-Authors Plus guest authors) bylines, a post's first category its section
 * (created when new) and the rest tags, attachments photos (from a copy of the uploads folder, or
 * fetched through the SSRF guard) with their caption, alt text, credit and copyright, featured images
 * lead photos, and Yoast's titles and descriptions the search fields. Each item is keyed on the
 * exported site plus its post id, so importing again updates and never duplicates. The export is read
 * twice: once whole to check it (a malformed or hostile one stops before anything is stored), then
 * streamed in batches of {@value #BATCH}, each one transaction with the run's checkpoint, so a run
 * killed mid-way resumes after its last batch. Old permalinks and {@code ?p=ID} answer 301.
 */
public final class WxrImport {
    public static final int BATCH = 250;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** How to run: {@code mediaDir} is a copy of wp-content/uploads; {@code fetchMedia} fetches what it lacks from the attachment's address. */
    /** {@code otherCategoriesAsTags}: a post's categories after its first (its section) become tags (WordPress sites use them so), or are dropped. */
    public record Options(boolean dryRun, @Nullable Path mediaDir, boolean fetchMedia, boolean createUsers, boolean otherCategoriesAsTags,
                          Consumer<Progress> progress) {
        public Options(boolean dryRun, @Nullable Path mediaDir, boolean fetchMedia, boolean createUsers, Consumer<Progress> progress) {
            this(dryRun, mediaDir, fetchMedia, createUsers, true, progress);
        }

        public static Options dry(boolean dryRun) { return new Options(dryRun, null, false, false, p -> { }); }
    }

    /** Items done of the total (posts and pages), and the pace of this run. */
    public record Progress(long runId, long done, long total, double perSecond) {
        public long etaSeconds() { return perSecond <= 0 ? -1 : Math.round((total - done) / perSecond); }

        public String text() {
            return done + " of " + total + " items, " + Math.round(perSecond) + " items/s" + (etaSeconds() >= 0 && done < total ? ", about " + etaSeconds() + " s to go" : "");
        }
    }

    /** What a run did (or, dry, would do): counts by what became of the items, and what it could not take. */
    public record Report(int stories, int pages, int created, int updated, int photos, Map<String, Integer> notImported, int comments, int redirects,
                         int users, long resumedAfter, List<String> problems, boolean dryRun) {
        public String text() {
            return (dryRun ? "Dry run, nothing stored: would import " : "Imported ") + stories + " stories and " + pages + " pages (" + created + " new, "
                + updated + " updated), " + photos + " photos, " + redirects + " old addresses redirected"
                + (users > 0 ? ", " + users + " users created" : "") + (resumedAfter > 0 ? "; resumed after " + resumedAfter + " items done before" : "")
                + "; not imported: " + notImported + "; " + comments + " comments counted (comments are not imported)."
                + (problems.isEmpty() ? "" : "\nProblems:\n- " + String.join("\n- ", problems));
        }
    }

    /** An attachment as the export describes it. */
    record Attachment(String id, String url, String file, String title, String caption, String alt, Map<String, String> imageMeta, String parent) {}

    private final Database db;
    private final Publishing publishing;
    private final ArticleStore articles;
    private final TaxonomyStore taxonomy;
    private final Pages pages;
    private final @Nullable PhotoUploads uploads;
    private final @Nullable Accounts accounts;
    private final OutboundGuard guard;
    private final org.masthead.article.@Nullable Desk desk;
    private final ZoneId zone;
    private final Clock clock;

    public WxrImport(Database db, Publishing publishing, ArticleStore articles, TaxonomyStore taxonomy, Pages pages, @Nullable PhotoUploads uploads,
                     @Nullable Accounts accounts, OutboundGuard guard, org.masthead.article.@Nullable Desk desk, ZoneId zone, Clock clock) {
        this.db = db;
        this.publishing = publishing;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.uploads = uploads;
        this.accounts = accounts;
        this.guard = guard;
        this.desk = desk;
        this.zone = zone;
        this.clock = clock;
    }

    public Report run(Path file, User actor, boolean dryRun) throws WxrReader.WxrException, IOException { return run(file, actor, Options.dry(dryRun)); }

    /** Imports {@code file} as {@code actor}: resumes the unfinished run of the same file, else starts one. */
    public Report run(Path file, User actor, Options options) throws WxrReader.WxrException, IOException {
        var scan = scan(file);
        long runId = options.dryRun() ? 0 : db.transaction(h -> {
            var open = h.createQuery("select id from import_run where kind = 'wxr' and file_sha = :sha and state in ('queued', 'running') order by id limit 1")
                .bind("sha", scan.sha).mapTo(Long.class).findOne();
            if (open.isPresent()) return open.get();
            return insertRun(h, file, scan.sha, options, actor.id(), "running");
        });
        return execute(runId, file, scan, actor, options);
    }

    /** Queues an import of {@code file} (SHA-256 {@code sha}) for the jobs runner (the newsroom's upload page); the file stays until the run is done. */
    public long queue(Path file, String sha, User actor, boolean fetchMedia) {
        return db.transaction(h -> insertRun(h, file, sha, new Options(false, null, fetchMedia, false, p -> { }), actor.id(), "queued"));
    }

    /** A run of the import table: what the upload page shows. */
    public record Run(long id, String file, String state, long done, long total, double perSecond, String report, long createdAt, long updatedAt) {
        public Progress progress() { return new Progress(id, done, total, perSecond); }

        public boolean finished() { return state.equals("done") || state.equals("failed"); }

        public int percent() { return total <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, done * 100 / total); }
    }

    private static final String RUN_COLUMNS = "id, file, state, done, total, per_second, report, created_at, updated_at";

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6), rs.getString(7), rs.getLong(8), rs.getLong(9));
    }

    public Optional<Run> find(long runId) {
        return db.read(h -> h.createQuery("select " + RUN_COLUMNS + " from import_run where id = :id").bind("id", runId).map((rs, c) -> run(rs)).findOne());
    }

    public List<Run> recent(int limit) {
        return db.read(h -> h.createQuery("select " + RUN_COLUMNS + " from import_run order by id desc limit :n").bind("n", limit).map((rs, c) -> run(rs)).list());
    }

    /** A run that says "running" but has not moved for this long was cut short (its node died): another may carry it on. */
    static final long STALE_MS = 120_000;

    /**
     * One step of the jobs runner ("imports"): claims the oldest queued run, or a running one that stopped moving (its node was
     * killed), and carries it to the end from its checkpoint. The claim is one conditional update, so two nodes never run one import.
     */
    public boolean runNext(java.util.function.LongFunction<Optional<User>> users) {
        long now = clock.millis();
        var next = db.read(h -> h.createQuery("select id, file, options, created_by from import_run where state = 'queued' or (state = 'running' and updated_at < :stale) "
                + "order by id limit 1").bind("stale", now - STALE_MS)
            .map((rs, c) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)}).findOne());
        if (next.isEmpty()) return false;
        long id = (Long) next.get()[0];
        boolean claimed = db.transaction(h -> h.createUpdate("update import_run set state = 'running', updated_at = :now where id = :id "
            + "and (state = 'queued' or (state = 'running' and updated_at < :stale))").bind("now", now).bind("id", id).bind("stale", now - STALE_MS).execute() == 1);
        if (!claimed) return false;
        var file = Path.of((String) next.get()[1]);
        var actor = users.apply((Long) next.get()[3]).filter(u -> u.role() == Role.ADMIN && !u.disabled());
        try {
            if (actor.isEmpty()) throw new IllegalStateException("the admin who started it is gone or no longer an admin");
            var opts = JSON.readTree((String) next.get()[2]);
            var options = new Options(false, opts.path("media_dir").isTextual() ? Path.of(opts.path("media_dir").asText()) : null,
                opts.path("fetch_media").asBoolean(), opts.path("create_users").asBoolean(), opts.path("other_categories_as_tags").asBoolean(true), p -> { });
            execute(id, file, scan(file), actor.get(), options);
            try {
                if (ImportRoutes.isUpload(file)) Files.deleteIfExists(file); // an uploaded export, kept only while its run needed it
            } catch (IOException ignored) {
                // left for the operator; the run is done either way
            }
        } catch (WxrReader.WxrException | IOException | RuntimeException e) {
            db.useTransaction(h -> h.createUpdate("update import_run set state = 'failed', report = :r, updated_at = :now where id = :id")
                .bind("r", "Stopped: " + e.getMessage() + (e instanceof WxrReader.WxrException ? "; nothing was imported from it." : ""))
                .bind("now", clock.millis()).bind("id", id).execute());
        }
        return true;
    }

    private long insertRun(Handle h, Path file, String sha, Options options, long actorId, String state) {
        var opts = "{\"media_dir\":" + (options.mediaDir() == null ? "null" : quote(options.mediaDir().toString())) + ",\"fetch_media\":" + options.fetchMedia()
            + ",\"create_users\":" + options.createUsers() + ",\"other_categories_as_tags\":" + options.otherCategoriesAsTags() + "}";
        return h.createUpdate("insert into import_run (kind, file, file_sha, options, state, created_by, created_at, updated_at) "
                + "values ('wxr', :file, :sha, :opts, :state, :by, :now, :now)")
            .bind("file", file.toAbsolutePath().toString()).bind("sha", sha).bind("opts", opts).bind("state", state).bind("by", actorId)
            .bind("now", clock.millis()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Scan(String sha, WxrReader.Summary summary, Map<String, Attachment> attachments, Map<String, String> byUrl,
                        Map<String, List<String>> children, Map<String, String> guestAuthors, long total) {}

    /** The first pass: the whole export checked, its attachments and guest authors gathered, its importable items counted. */
    private Scan scan(Path file) throws WxrReader.WxrException, IOException {
        var attachments = new HashMap<String, Attachment>();
        var byUrl = new HashMap<String, String>();
        var children = new HashMap<String, List<String>>();
        var guests = new HashMap<String, String>();
        long[] total = {0};
        MessageDigest digest = sha256();
        WxrReader.Summary summary;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            summary = WxrReader.scan(new java.io.BufferedInputStream(in, 1 << 16), item -> {
                switch (item.postType()) {
                    case "post", "page" -> total[0]++;
                    case "attachment" -> {
                        var meta = item.meta();
                        var file1 = meta.getOrDefault("_wp_attached_file", "");
                        var a = new Attachment(item.postId(), item.attachmentUrl(), file1, item.title(), item.excerpt(),
                            meta.getOrDefault("_wp_attachment_image_alt", ""),
                            PhpValues.textsOf(PhpValues.read(meta.getOrDefault("_wp_attachment_metadata", "")), "image_meta"), item.parent());
                        attachments.put(a.id(), a);
                        if (!a.url().isEmpty()) byUrl.put(WxrContent.urlKey(a.url()), a.id());
                        if (!file1.isEmpty()) byUrl.putIfAbsent(WxrContent.urlKey("/wp-content/uploads/" + file1), a.id());
                        if (!a.parent().isEmpty() && !a.parent().equals("0")) children.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a.id());
                    }
                    case "guest-author" -> {
                        var login = item.meta().getOrDefault("cap-user_login", item.postName());
                        var name = item.meta().getOrDefault("cap-display_name", item.title());
                        if (!login.isBlank() && !name.isBlank()) guests.put(login, name);
                    }
                    default -> { }
                }
            });
        }
        return new Scan(HexFormat.of().formatHex(digest.digest()), summary, attachments, byUrl, children, guests, total[0]);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state of one run as it goes: counters, caches, and the batch being filled. */
    private final class Pass {
        final long runId;
        final Scan scan;
        final User actor;
        final Options options;
        final String source;
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, Long> known = new HashMap<>();
        final Map<String, Long> photoIds = new HashMap<>();
        final Map<String, Long> sections = new HashMap<>();
        final List<Read> batch = new ArrayList<>();
        final TreeMap<String, Integer> skipped = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        final long resumeFrom;
        long seen;
        long done;
        int stories, pageCount, created, updated, redirects, photos, users, missingFiles, missingImages, unbrought;
        final long started = System.nanoTime();

        Pass(long runId, Scan scan, User actor, Options options, long resumeFrom) {
            this.runId = runId;
            this.scan = scan;
            this.actor = actor;
            this.options = options;
            this.resumeFrom = resumeFrom;
            this.done = resumeFrom;
            var s = scan.summary();
            this.source = s.baseSiteUrl().isEmpty() ? "wxr:" + s.channelTitle() : s.baseSiteUrl();
            s.authors().forEach(a -> names.put(a.login(), a.displayName().isBlank() ? a.login() : a.displayName()));
            scan.guestAuthors().forEach(names::putIfAbsent);
            db.read(h -> h.createQuery("select source_id, target_id from import_item where source = :s").bind("s", source)
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2))).list()).forEach(e -> known.put(e.getKey(), e.getValue()));
        }

        void problem(String p) { if (problems.size() < 200) problems.add(p); }
    }

    private Report execute(long runId, Path file, Scan scan, User actor, Options options) throws WxrReader.WxrException, IOException {
        long resumeFrom = runId == 0 ? 0 : db.read(h -> h.createQuery("select done from import_run where id = :id").bind("id", runId).mapTo(Long.class).one());
        var pass = new Pass(runId, scan, actor, options, resumeFrom);
        if (runId != 0) {
            db.useTransaction(h -> h.createUpdate("update import_run set state = 'running', total = :t, updated_at = :now where id = :id")
                .bind("t", scan.total()).bind("now", clock.millis()).bind("id", runId).execute());
        }
        if (options.createUsers() && !options.dryRun() && accounts != null) createUsers(pass);
        streamItems(file, read -> {
            var item = read.item();
            var type = item.postType();
            if (!type.equals("post") && !type.equals("page")) {
                if (!type.equals("guest-author")) pass.skipped.merge(type, 1, Integer::sum);
                return;
            }
            if (pass.seen++ < pass.resumeFrom) return; // done by the run this one resumes
            pass.batch.add(read);
            if (pass.batch.size() >= BATCH) flush(pass);
        });
        flush(pass);
        if (pass.unbrought > 0) pass.problem(pass.unbrought + " photos were not brought in: pass --media-dir (a copy of wp-content/uploads) or --fetch-media.");
        if (pass.missingFiles > 0) pass.problem(pass.missingFiles + " attachment files were missing or could not be fetched (listed above); their stories came without them.");
        if (pass.missingImages > 0) pass.problem(pass.missingImages + " images in story text had no photo to point at and were left out.");
        var report = new Report(pass.stories, pass.pageCount, pass.created, pass.updated, pass.photos, Map.copyOf(pass.skipped), scan.summary().comments(),
            pass.redirects, pass.users, resumeFrom, List.copyOf(pass.problems), options.dryRun());
        if (runId != 0) {
            db.useTransaction(h -> h.createUpdate("update import_run set state = 'done', done = total, report = :r, updated_at = :now where id = :id")
                .bind("r", report.text()).bind("now", clock.millis()).bind("id", runId).execute());
        }
        return report;
    }

    private static final Object END = new Object();

    /**
     * Hands each item of the export to {@code each} on this thread, while another thread reads the XML ahead (a quarter of an
     * import's time), a bounded queue between them so memory stays flat.
     */
    /** An item as the reader thread hands it on: with its body already converted and sanitized when that needs no photo (most posts). */
    record Read(WxrReader.Item item, @Nullable String sanitizedBody) {}

    private static final java.util.regex.Pattern PHOTO_MARKUP = java.util.regex.Pattern.compile("<img\\b|\\[caption|\\[gallery", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static final WxrContent.PhotoFinder NO_PHOTOS = new WxrContent.PhotoFinder() {
        @Override public @Nullable Photo byId(String attachmentId) { throw new IllegalStateException("no photo lookups on the reader thread"); }

        @Override public @Nullable Photo byUrl(String url) { throw new IllegalStateException("no photo lookups on the reader thread"); }

        @Override public List<String> childrenOf(String postId) { throw new IllegalStateException("no photo lookups on the reader thread"); }
    };

    private static Read read(WxrReader.Item item) {
        boolean text = item.postType().equals("post") || item.postType().equals("page");
        if (!text || PHOTO_MARKUP.matcher(item.content()).find()) return new Read(item, null);
        return new Read(item, org.masthead.http.PlainText.withoutControls(
            org.masthead.article.BodySanitizer.sanitize(WxrContent.convert(item.content(), item.postId(), NO_PHOTOS).html()), true));
    }

    private static void streamItems(Path file, Consumer<Read> each) throws WxrReader.WxrException, IOException {
        var queue = new java.util.concurrent.ArrayBlockingQueue<Object>(1024);
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        var reader = Thread.ofPlatform().name("wxr-reader").daemon().start(() -> {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                WxrReader.read(in, item -> {
                    try {
                        queue.put(read(item));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CancellationException("the import stopped");
                    }
                });
            } catch (WxrReader.WxrException | IOException e) {
                failure.set(e);
            } catch (java.util.concurrent.CancellationException e) {
                return; // the consumer gave up; it says why
            } catch (RuntimeException e) {
                failure.set(e);
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            while (true) {
                var next = queue.take();
                if (next == END) break;
                each.accept((Read) next);
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (reader.isAlive()) {
                reader.interrupt();
                queue.clear();
            }
        }
        var e = failure.get();
        if (e instanceof WxrReader.WxrException w) throw w;
        if (e instanceof IOException io) throw io;
        if (e instanceof RuntimeException r) throw r;
    }

    private void createUsers(Pass pass) {
        for (var a : pass.scan.summary().authors()) {
            if (a.email().isBlank() || !a.email().contains("@")) continue;
            try { // a password no one knows (the project's generator); they set their own by reset
                accounts.create(a.email(), pass.names.getOrDefault(a.login(), a.login()), Role.CONTRIBUTOR, accounts.generatePassword());
                pass.users++;
            } catch (IllegalArgumentException e) {
                // already a user (or an address we cannot take): the byline still comes
            }
        }
    }

    /** A post or page made ready outside the transaction (its photos stored first), then written in it. */
    private record Prepared(WxrReader.Item item, String key, @Nullable String body, boolean sanitized, @Nullable PhotoUse lead) {}

    private void flush(Pass pass) {
        if (pass.batch.isEmpty()) return;
        var ready = new ArrayList<Prepared>();
        for (var read : pass.batch) {
            var item = read.item();
            var key = item.postId().isEmpty() ? "title:" + item.title() : item.postId();
            if (item.postType().equals("page") && !item.status().equals("publish")) { // pages here are public: a draft or private one stays out
                pass.skipped.merge("page (" + item.status() + ")", 1, Integer::sum);
                ready.add(new Prepared(item, key, null, false, null));
                continue;
            }
            if (item.postType().equals("page")) pass.pageCount++;
            else pass.stories++;
            if (pass.known.containsKey(key)) pass.updated++;
            else pass.created++;
            if (pass.options.dryRun()) continue;
            var finder = finder(pass);
            String body = read.sanitizedBody();
            if (body == null) {
                var converted = WxrContent.convert(item.content(), item.postId(), finder);
                pass.missingImages += converted.missingImages();
                body = converted.html();
            }
            var thumb = item.meta().getOrDefault("_thumbnail_id", "").strip();
            var leadPhoto = thumb.isEmpty() ? null : finder.byId(thumb);
            ready.add(new Prepared(item, key, body, read.sanitizedBody() != null, leadPhoto == null ? null : PhotoUse.of(leadPhoto)));
        }
        pass.batch.clear();
        if (pass.options.dryRun()) {
            pass.done += ready.size();
            return;
        }
        db.useBatchTransaction(h -> {
            for (var p : ready) {
                if (p.body() == null) continue;
                h.savepoint("item");
                try {
                    if (p.item().postType().equals("page")) importPage(pass, p);
                    else importPost(pass, p);
                    h.release("item");
                } catch (RuntimeException e) {
                    h.rollbackToSavepoint("item");
                    pass.problem("“" + p.item().title() + "” (" + p.item().postType() + " " + p.item().postId() + "): " + e.getMessage());
                }
            }
            pass.done += ready.size();
            var perSecond = (pass.done - pass.resumeFrom) / Math.max(1e-3, (System.nanoTime() - pass.started) / 1e9);
            h.createUpdate("update import_run set done = :d, per_second = :r, updated_at = :now where id = :id")
                .bind("d", pass.done).bind("r", perSecond).bind("now", clock.millis()).bind("id", pass.runId).execute();
        });
        var perSecond = (pass.done - pass.resumeFrom) / Math.max(1e-3, (System.nanoTime() - pass.started) / 1e9);
        pass.options.progress().accept(new Progress(pass.runId, pass.done, pass.scan.total(), perSecond));
    }

    private WxrContent.PhotoFinder finder(Pass pass) {
        return new WxrContent.PhotoFinder() {
            @Override
            public @Nullable Photo byId(String attachmentId) { return photo(pass, attachmentId); }

            @Override
            public @Nullable Photo byUrl(String url) {
                var id = pass.scan.byUrl().get(WxrContent.urlKey(url));
                return id == null ? null : photo(pass, id);
            }

            @Override
            public List<String> childrenOf(String postId) { return pass.scan.children().getOrDefault(postId, List.of()); }
        };
    }

    /** The photo an attachment became: brought before (this run or an earlier one), or now from the media folder or its address. */
    private @Nullable Photo photo(Pass pass, String attachmentId) {
        var memo = pass.photoIds.get(attachmentId);
        if (memo != null) return memo < 0 || uploads == null ? null : uploads.find(memo).orElse(null);
        var key = "attachment:" + attachmentId;
        var before = pass.known.get(key);
        if (before != null && uploads != null) {
            var p = uploads.find(before);
            if (p.isPresent()) {
                pass.photoIds.put(attachmentId, before);
                return p.get();
            }
        }
        var a = pass.scan.attachments().get(attachmentId);
        if (a == null || uploads == null) {
            pass.photoIds.put(attachmentId, -1L);
            return null;
        }
        byte[] bytes = load(pass, a);
        if (bytes == null) {
            pass.photoIds.put(attachmentId, -1L);
            return null;
        }
        try {
            var meta = a.imageMeta();
            var title = WxrImport.plain(a.title(), 300);
            var fileBase = a.file().replaceFirst("^.*/", "").replaceFirst("\\.[A-Za-z0-9]+$", "");
            if (title.equalsIgnoreCase(fileBase) || title.equalsIgnoreCase(fileBase.replace('-', ' '))) title = ""; // WordPress titles files by name
            var typed = new PhotoText(plain(a.caption(), 2000), meta.getOrDefault("credit", ""), "", meta.getOrDefault("copyright", ""), a.alt(), title);
            var stored = uploads.store(bytes, typed, pass.actor.id());
            if (!stored.existed()) pass.photos++;
            long id = stored.photo().id();
            remember(pass, key, "photo", id);
            pass.photoIds.put(attachmentId, id);
            return stored.photo();
        } catch (UploadRejected e) {
            pass.missingFiles++;
            pass.problem("Attachment " + attachmentId + " (" + a.url() + "): " + e.getMessage());
            pass.photoIds.put(attachmentId, -1L);
            return null;
        }
    }

    private byte @Nullable [] load(Pass pass, Attachment a) {
        var maxBytes = uploads == null ? 0 : uploads.maxBytes();
        var dir = pass.options.mediaDir();
        if (dir != null) {
            var rel = !a.file().isBlank() ? a.file() : a.url().contains("/wp-content/uploads/") ? a.url().substring(a.url().indexOf("/wp-content/uploads/") + 20) : "";
            rel = java.net.URLDecoder.decode(rel.replaceFirst("[?#].*$", "").replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            var base = dir.toAbsolutePath().normalize();
            var path = base.resolve(rel).normalize();
            if (!rel.isBlank() && path.startsWith(base) && Files.isRegularFile(path)) {
                try {
                    if (Files.size(path) <= maxBytes) return Files.readAllBytes(path);
                    pass.problem("Attachment " + a.id() + " (" + rel + ") is larger than the upload limit.");
                    pass.missingFiles++;
                    return null;
                } catch (IOException e) {
                    pass.problem("Attachment " + a.id() + " (" + rel + "): " + e.getMessage());
                }
            } else if (!pass.options.fetchMedia()) {
                pass.problem("Attachment " + a.id() + ": no file " + rel + " in " + dir + ".");
                pass.missingFiles++;
                return null;
            }
        }
        if (!pass.options.fetchMedia()) {
            pass.unbrought++;
            return null;
        }
        try {
            return guard.fetch(a.url(), maxBytes, java.time.Duration.ofSeconds(30), "Masthead-import");
        } catch (IOException e) {
            pass.problem("Attachment " + a.id() + " (" + a.url() + ") was " + (e.getMessage().startsWith("not fetched") ? "" : "not fetched: ") + e.getMessage() + ".");
            pass.missingFiles++;
            return null;
        }
    }

    private void remember(Pass pass, String id, String kind, long target) {
        db.useTransaction(h -> h.createUpdate("insert into import_item (source, source_id, kind, target_id, imported_at) values (:s, :i, :k, :t, :now) "
                + "on conflict (source, source_id) do update set kind = excluded.kind, target_id = excluded.target_id, imported_at = excluded.imported_at")
            .bind("s", pass.source).bind("i", id).bind("k", kind).bind("t", target).bind("now", clock.millis()).execute());
        pass.known.put(id, target);
    }

    /** Text of a title that may carry HTML ("<em>Markup</em>: Title"), at most {@code max} characters on a word boundary. */
    public static String plain(String html, int max) {
        var text = org.masthead.http.PlainText.withoutControls(
            html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html.strip().replaceAll("\\s+", " ") : org.jsoup.Jsoup.parse(html).text().strip(), false);
        if (text.length() <= max) return text;
        var cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private static String slug(String postName, String title) {
        var decoded = java.net.URLDecoder.decode(postName.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        var lower = java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        if (!lower.isEmpty() && lower.length() <= 80 && Slugs.isValid(lower)) return lower;
        var made = Slugs.from(title);
        return made.length() > 80 ? made.substring(0, 80).replaceAll("-+$", "") : made;
    }

    private @Nullable Long when(WxrReader.Item item) {
        try {
            if (!item.dateGmt().isEmpty() && !item.dateGmt().startsWith("0000")) {
                return LocalDateTime.parse(item.dateGmt(), WP_DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (!item.date().isEmpty() && !item.date().startsWith("0000")) return LocalDateTime.parse(item.date(), WP_DATE).atZone(zone).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private long sectionFor(Pass pass, WxrReader.Item item) {
        for (var t : item.terms()) {
            if (!t.domain().equals("category") || t.name().isBlank()) continue;
            var slug = t.nicename().isBlank() ? Slugs.from(t.name()) : slug(t.nicename(), t.name());
            if (slug.equals("uncategorized")) continue;
            var cached = pass.sections.get(slug);
            if (cached != null) return cached;
            var found = taxonomy.findSectionBySlug(slug);
            if (found.isPresent()) {
                pass.sections.put(slug, found.get().id());
                return found.get().id();
            }
            if (Slugs.isValid(slug) && !Slugs.RESERVED.contains(slug)) {
                long id = taxonomy.addSection(plain(t.name(), 80), slug).id();
                pass.sections.put(slug, id);
                return id;
            }
        }
        return pass.sections.computeIfAbsent("", k -> taxonomy.findSectionBySlug("news").or(() -> taxonomy.listSections().stream().findFirst()).orElseThrow().id());
    }

    /** Bylines: Co-Authors Plus's authors when the post lists them, else its creator; display names where the export has them. */
    private static List<String> bylines(Pass pass, WxrReader.Item item) {
        var out = new ArrayList<String>();
        for (var t : item.terms()) {
            if (!t.domain().equals("author")) continue;
            var login = t.nicename().startsWith("cap-") ? t.nicename().substring(4) : t.name();
            var name = plain(pass.names.getOrDefault(login, pass.names.getOrDefault(t.name(), t.name())), 100);
            if (!name.isBlank() && !out.contains(name)) out.add(name);
        }
        if (out.isEmpty() && !item.creator().isEmpty()) out.add(plain(pass.names.getOrDefault(item.creator(), item.creator()), 100));
        return out;
    }

    /** Yoast's search title and description; its %%variables%% filled where we can (the title) and dropped otherwise. */
    static Seo seo(Map<String, String> meta, String headline) {
        var title = meta.getOrDefault("_yoast_wpseo_title", "").replace("%%title%%", headline).replaceAll("%%[a-z_]+%%", " ")
            .replaceAll("\\s+", " ").replaceAll("[\\s\\-|–—·•]+$", "").strip();
        var description = meta.getOrDefault("_yoast_wpseo_metadesc", "").replace("%%title%%", headline).replaceAll("%%[a-z_]+%%", " ")
            .replaceAll("\\s+", " ").strip();
        return new Seo(plain(title, Seo.MAX_TITLE), plain(description, Seo.MAX_DESCRIPTION), null);
    }

    private void importPost(Pass pass, Prepared p) {
        var item = p.item();
        var headline = plain(item.title(), 200);
        if (headline.isEmpty()) headline = "(untitled " + (item.postId().isEmpty() ? "post" : "post " + item.postId()) + ")";
        if (!headline.equals(org.jsoup.Jsoup.parse(item.title()).text().strip())) pass.problem("“" + headline + "”: the title was shortened or had markup removed.");
        var section = sectionFor(pass, item);
        boolean firstCategorySeen = false;
        var tags = new ArrayList<String>();
        for (var t : item.terms()) {
            if (t.domain().equals("author")) continue;
            if (t.domain().equals("category") && !firstCategorySeen) { // the section
                firstCategorySeen = true;
                continue;
            }
            if (t.domain().equals("category") && !pass.options.otherCategoriesAsTags()) continue;
            var name = plain(t.name(), 60);
            if (!name.isEmpty() && !name.equalsIgnoreCase("uncategorized") && !tags.contains(name) && tags.size() < 30) tags.add(name);
        }
        var excerpt = plain(item.excerpt(), 400);
        var draft = new ArticleDraft(headline, excerpt, section, slug(item.postName(), headline), p.body(), "", bylines(pass, item), tags, "",
            seo(item.meta(), headline));
        var existing = Optional.ofNullable(pass.known.get(p.key())).flatMap(articles::find);
        var at = when(item);
        var now = clock.millis();
        boolean publishNow = item.status().equals("publish") || (item.status().equals("future") && (at == null || at <= now));
        Publishing.Result result;
        if (existing.isPresent()) {
            result = publishing.save(pass.actor, existing.get(), existing.get().revision(), draft, p.lead());
        } else {
            result = publishNow ? publishing.createPublished(pass.actor, draft, p.lead(), at == null ? now : at, p.sanitized())
                : publishing.create(pass.actor, draft, p.lead());
            if (result instanceof Publishing.Result.Invalid invalid && invalid.problems().containsKey("photo")) { // the site requires alt and credit
                pass.problem("“" + headline + "”: kept as a draft, its lead photo lacks alt text or a credit.");
                result = publishing.create(pass.actor, draft, p.lead());
            }
        }
        if (!(result instanceof Publishing.Result.Saved saved)) throw new IllegalStateException(result.toString());
        long id = saved.article().id();
        remember(pass, p.key(), "post", id);
        var a = saved.article();
        switch (item.status()) {
            case "publish" -> {
                if (!a.isPublished()) publishing.move(pass.actor, id, Transition.PUBLISH, null, "");
                if (at != null && !java.util.Objects.equals(at, a.publishedAt())) publishing.backdate(pass.actor, id, at);
            }
            case "future" -> {
                if (at != null && at > now) {
                    if (a.status() != ArticleStatus.SCHEDULED) publishing.move(pass.actor, id, Transition.SCHEDULE, at, "");
                } else if (!a.isPublished()) {
                    publishing.move(pass.actor, id, Transition.PUBLISH, null, "");
                    if (at != null) publishing.backdate(pass.actor, id, at);
                }
            }
            case "pending" -> { if (a.status() == ArticleStatus.DRAFT) publishing.move(pass.actor, id, Transition.SUBMIT, null, ""); }
            case "private" -> {
                pass.problem("“" + headline + "” was private in WordPress: imported as a draft.");
                if (desk != null && existing.isEmpty()) desk.addNote(pass.actor, id, "Private in WordPress: imported as a draft. Check before publishing.");
            }
            default -> { } // draft, or a status we do not know: a draft
        }
        var path = oldPath(item.link());
        if (path != null && !path.equals(a.path()) && !path.equals("/?p=" + item.postId())) { // a story's path is its section and slug, whatever its state
            articles.addRedirect(path, id, now);
            pass.redirects++;
        }
        if (!item.postId().isEmpty()) {
            articles.addRedirect("/?p=" + item.postId(), id, now);
            pass.redirects++;
        }
    }

    /** The path (with its query, for "?p=1" links) of an exported permalink, or null when it is the site's root or not a web address. */
    static @Nullable String oldPath(String link) {
        try {
            var u = new URI(link.strip());
            var path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            var full = u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
            return full.equals("/") ? null : full;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private void importPage(Pass pass, Prepared p) {
        var item = p.item();
        var title = plain(item.title(), 200);
        if (title.isEmpty()) title = "(untitled page " + item.postId() + ")";
        var draft = new Pages.Draft(title, slug(item.postName(), title), p.body(), "");
        var existing = Optional.ofNullable(pass.known.get(p.key())).flatMap(pages::find);
        Pages.Result result = existing.isPresent() ? pages.save(null, existing.get().id(), existing.get().revision(), draft) : pages.create(null, draft);
        var base = slug(item.postName(), title);
        for (int n = 1; n <= 20 && result instanceof Pages.Result.Invalid invalid && invalid.problems().containsKey("slug"); n++) {
            // taken (a section's address, another site's page): page-about, then about-2, about-3...
            result = pages.create(null, new Pages.Draft(title, n == 1 ? "page-" + base : base + "-" + n, p.body(), ""));
        }
        if (result instanceof Pages.Result.Saved saved) remember(pass, p.key(), "page", saved.page().id());
        else pass.problem("Page “" + title + "”: " + result);
    }
}
