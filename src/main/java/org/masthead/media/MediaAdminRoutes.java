package org.masthead.media;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Templates;

/** The newsroom media library: grid with search and filters, upload of several files, a photo's page. */
public final class MediaAdminRoutes {
    static final int PAGE_SIZE = 48;
    private final MediaStore store;
    private final PhotoUploads uploads;
    private final Renditions renditions;
    private final RenditionJob job;
    private final NewsroomGuard guard;
    private final Templates templates;
    private final ObjectMapper json = new ObjectMapper();

    public MediaAdminRoutes(MediaStore store, PhotoUploads uploads, Renditions renditions, RenditionJob job, NewsroomGuard guard,
                            Templates templates) {
        this.store = store;
        this.uploads = uploads;
        this.renditions = renditions;
        this.job = job;
        this.guard = guard;
        this.templates = templates;
    }

    private final List<java.util.function.LongConsumer> changed = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs after a photo's library text or focal point changed (pages that show it refresh). */
    public void onChanged(java.util.function.LongConsumer listener) { changed.add(listener); }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/photos", this::library, Access.CONTRIBUTOR);
        r.get("/newsroom/photos/upload", ctx -> renderUpload(ctx, 200, List.of()), Access.CONTRIBUTOR);
        r.get("/newsroom/photos/picker", this::picker, Access.CONTRIBUTOR);
        r.post("/newsroom/photos", this::upload, Access.CONTRIBUTOR);
        r.get("/newsroom/photos/{id}", this::detail, Access.CONTRIBUTOR);
        r.post("/newsroom/photos/{id}", this::save, Access.EDITOR);
    }

    public record Library(Chrome chrome, List<Photo> photos, String query, String filter, int page, boolean hasNext, int waiting) {}

    /** One file's outcome in a multi-file upload. */
    public record Outcome(String fileName, Photo photo, String error, boolean existed) {}

    public record Upload(Chrome chrome, List<Outcome> outcomes, long maxUploadBytes) {}

    public record Detail(Chrome chrome, Photo photo, double focalX, double focalY, Map<String, Object> original,
                         List<Rendition> renditions, List<Map.Entry<Long, String>> articles, boolean renditionsReady, String notice,
                         String error, int textRevision, boolean canEdit) {
        /** What a metadata key means, as a person reads it ("creatorJobTitle" → "Creator's job title"). */
        public String label(String key) { return LABELS.getOrDefault(key, key); }
    }

    /** Human labels for what the file says (IPTC/XMP/EXIF fields as the reader names them). */
    static final Map<String, String> LABELS = Map.ofEntries(
        Map.entry("caption", "Caption (description)"), Map.entry("headline", "Headline"), Map.entry("credit", "Credit line"),
        Map.entry("creators", "Creator (photographer)"), Map.entry("creatorJobTitle", "Creator's job title"), Map.entry("copyright", "Copyright notice"),
        Map.entry("source", "Source"), Map.entry("keywords", "Keywords"), Map.entry("dateCreated", "Date created"), Map.entry("city", "City"),
        Map.entry("country", "Country"), Map.entry("altText", "Alt text (accessibility)"), Map.entry("extendedDescription", "Extended description"),
        Map.entry("usageTerms", "Rights usage terms"), Map.entry("title", "Title"), Map.entry("instructions", "Special instructions"),
        Map.entry("orientation", "Orientation (EXIF)"));

    private void library(Context ctx) {
        var query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        var filterParam = ctx.queryParam("filter") == null ? "" : ctx.queryParam("filter");
        var filter = switch (filterParam) {
            case "", "all" -> MediaStore.Filter.ALL;
            case "missing-alt" -> MediaStore.Filter.MISSING_ALT;
            case "missing-credit" -> MediaStore.Filter.MISSING_CREDIT;
            default -> throw new BadRequestResponse("filter must be all, missing-alt or missing-credit");
        };
        int page = Http.page(ctx);
        var rows = store.search(query, filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        templates.privatePage(ctx, 200, "newsroom/photos.jte", new Library(guard.chrome(ctx, "Photos", "photos"),
            rows.subList(0, Math.min(PAGE_SIZE, rows.size())), query, filterParam, page, rows.size() > PAGE_SIZE, job.waiting()));
    }

    /**
     * The editor's photo picker: the library's newest matches as JSON, each with a thumbnail, the URL
     * to insert and the library's words, which the journalist may change for this use.
     */
    private void picker(Context ctx) throws IOException {
        var query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (query.length() > 200 || org.masthead.http.PlainText.hasControl(query)) throw new BadRequestResponse("Search for at most 200 characters of text.");
        var items = new ArrayList<Map<String, Object>>();
        for (var p : store.search(query, MediaStore.Filter.ALL, 24, 0)) items.add(pickable(p));
        ctx.header("Cache-Control", CacheControl.PRIVATE).contentType("application/json").result(json.writeValueAsString(Map.of("items", items)));
    }

    static Map<String, Object> pickable(Photo p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("thumbnail", p.src(List.of(320), 320));
        m.put("src", p.src(List.of(320, 640, 960), 960));
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("title", p.title());
        m.put("caption", p.caption());
        m.put("credit", p.credit());
        m.put("alt_text", p.altText());
        return m;
    }

    private void renderUpload(Context ctx, int status, List<Outcome> outcomes) {
        templates.privatePage(ctx, status, "newsroom/upload.jte", new Upload(guard.chrome(ctx, "Upload photos", "photos"), outcomes,
            uploads.maxBytes()));
    }

    /** Several files at once; each is accepted or refused on its own. JSON for the page's script, HTML without it. */
    private void upload(Context ctx) throws IOException {
        var user = NewsroomGuard.user(ctx);
        var files = ctx.uploadedFiles("files");
        if (files.isEmpty()) throw new BadRequestResponse("Choose at least one photo file.");
        var outcomes = new ArrayList<Outcome>();
        for (var file : files) {
            try (var in = file.content()) {
                if (file.size() > uploads.maxBytes()) throw new UploadRejected(413, "The file is larger than the " + (uploads.maxBytes() / 1048576) + " MB limit.");
                var stored = uploads.store(in.readAllBytes(), new PhotoText("", "", "", "", "", ""), user.id());
                outcomes.add(new Outcome(file.filename(), stored.photo(), "", stored.existed()));
            } catch (UploadRejected e) {
            if (e.status() == 503) ctx.header("Retry-After", "5");
                outcomes.add(new Outcome(file.filename(), null, e.getMessage(), false));
            }
        }
        boolean allFailed = outcomes.stream().allMatch(o -> o.photo() == null);
        int status = allFailed ? 400 : 200;
        if (String.valueOf(ctx.header("Accept")).contains("application/json")) {
            var list = new ArrayList<Map<String, Object>>();
            for (var o : outcomes) {
                var m = new LinkedHashMap<String, Object>();
                m.put("file", o.fileName());
                if (o.photo() != null) {
                    m.put("id", o.photo().id());
                    m.put("url", "/newsroom/photos/" + o.photo().id());
                    m.put("caption", o.photo().caption());
                    m.put("credit", o.photo().credit());
                    m.put("existing", o.existed());
                    m.put("photo", pickable(o.photo()));
                } else {
                    m.put("error", o.error());
                }
                list.add(m);
            }
            ctx.status(status).header("Cache-Control", CacheControl.PRIVATE).contentType("application/json").result(json.writeValueAsString(list));
            return;
        }
        renderUpload(ctx, status, outcomes);
    }

    private MediaStore.Source load(Context ctx) {
        return store.findSource(Http.id(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such photo"));
    }

    private void detail(Context ctx) throws IOException {
        renderDetail(ctx, 200, load(ctx), null, ctx.queryParam("saved") != null ? "Saved." : "", "");
    }

    /** {@code typed}: what the editor typed, shown instead of the stored words (a refused save loses nothing). */
    @SuppressWarnings("unchecked")
    private void renderDetail(Context ctx, int status, MediaStore.Source source, @Nullable PhotoText typed, String notice, String error)
            throws IOException {
        var photo = typed == null ? source.photo() : source.photo().withText(typed);
        Map<String, Object> original = json.readValue(store.sourceMetadata(photo.id()), Map.class);
        templates.privatePage(ctx, status, "newsroom/photo.jte", new Detail(guard.chrome(ctx, "Photo " + photo.id(), "photos"), photo,
            source.focalX(), source.focalY(), original, renditions.wanted(photo), store.listArticlesUsing(photo),
            store.renditionsReady(photo.id()), notice, error, store.textRevision(photo.id()),
            NewsroomGuard.user(ctx).role().canPublish()));
    }

    /** The library's words and focal point (route: editors and admins); refused (409, typed text kept) when based on an old revision. */
    private void save(Context ctx) throws IOException {
        var source = load(ctx);
        var typed = new PhotoText(Http.field(ctx, "caption"), Http.field(ctx, "credit"), Http.field(ctx, "creator"),
            Http.field(ctx, "copyright"), Http.field(ctx, "alt"), Http.field(ctx, "title"));
        int base;
        try {
            base = Integer.parseInt(Http.field(ctx, "text_revision"));
        } catch (NumberFormatException e) {
            base = -1;
        }
        double fx;
        double fy;
        try {
            fx = Double.parseDouble(Http.field(ctx, "focal_x")) / 100;
            fy = Double.parseDouble(Http.field(ctx, "focal_y")) / 100;
        } catch (NumberFormatException e) {
            fx = -1;
            fy = -1;
        }
        if (fx < 0 || fx > 1 || fy < 0 || fy > 1) {
            renderDetail(ctx, 400, source, typed, "", "The focal point must be two numbers from 0 to 100 (percent from the left and from the top).");
            return;
        }
        var id = source.photo().id();
        if (!store.updateText(id, base, typed)) {
            renderDetail(ctx, 409, source, typed, "", "Someone else changed this photo's library text while you were editing. Your version is "
                + "below and nothing was saved; compare with the stored text (reload in another tab), then save again to replace it.");
            return;
        }
        if (Math.abs(fx - source.focalX()) > 1e-6 || Math.abs(fy - source.focalY()) > 1e-6) {
            store.setFocalPoint(id, fx, fy);
            renditions.deleteCrops(source.photo());
            job.nudge();
        }
        changed.forEach(l -> l.accept(id));
        ctx.redirect("/newsroom/photos/" + id + "?saved=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
