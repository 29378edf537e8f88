package org.masthead.media;

import org.masthead.http.Access;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.masthead.account.ApiGuard;
import org.masthead.http.Problem;

/** Photos in the content API: upload (editor scope) with the newsroom's validation and metadata reading, and read. */
public final class PhotoApiRoutes {
    private final MediaStore store;
    private final PhotoUploads uploads;
    private final Renditions renditions;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public PhotoApiRoutes(MediaStore store, PhotoUploads uploads, Renditions renditions, String baseUrl) {
        this.store = store;
        this.uploads = uploads;
        this.renditions = renditions;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.post("/api/v1/photos", this::upload, Access.API_EDITOR);
        r.get("/api/v1/photos", this::list, Access.API_READ);
        r.get("/api/v1/photos/{id}", this::show, Access.API_READ);
    }

    private void upload(Context ctx) throws Exception {
        var file = ctx.uploadedFile("file");
        if (file == null) {
            Problem.send(ctx, 400, Problem.title(400), "Send the photo as a multipart/form-data field named 'file'.");
            return;
        }
        if (file.size() > uploads.maxBytes()) {
            Problem.send(ctx, 413, Problem.title(413), "The file is larger than the " + (uploads.maxBytes() / 1048576) + " MB limit.");
            return;
        }
        byte[] bytes;
        try (var in = file.content()) {
            bytes = in.readAllBytes();
        }
        var text = new PhotoText(field(ctx, "caption"), field(ctx, "credit"), field(ctx, "creator"), field(ctx, "copyright"),
            field(ctx, "alt"), field(ctx, "title"));
        try {
            var stored = uploads.store(bytes, text, ApiGuard.token(ctx).createdBy());
            // The same bytes again: 200 with the photo as it is ("existing": true); its words are not rewritten.
            ctx.status(stored.existed() ? 200 : 201).header("Location", "/api/v1/photos/" + stored.photo().id());
            respond(ctx, stored.photo());
            if (stored.existed()) {
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(ctx.result());
                node.put("existing", true);
                ctx.result(node.toString());
            }
        } catch (UploadRejected e) {
            if (e.status() == 503) ctx.header("Retry-After", "5");
            Problem.send(ctx, e.status(), Problem.title(e.status()), e.getMessage());
        }
    }

    /** Newest first, {@code q} searching caption, credit, creator, title and keywords; {@code page} from 1. */
    private void list(Context ctx) throws Exception {
        int page;
        try {
            page = ctx.queryParam("page") == null ? 1 : Integer.parseInt(ctx.queryParam("page"));
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1 || page > 10_000) {
            Problem.send(ctx, 400, Problem.title(400), "page must be a whole number from 1");
            return;
        }
        var q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        var rows = store.search(q, MediaStore.Filter.ALL, 51, (page - 1) * 50);
        var items = new ArrayList<Map<String, Object>>();
        for (var p : rows.subList(0, Math.min(50, rows.size()))) {
            items.add(Map.of("id", p.id(), "url", baseUrl + p.url(), "width", p.width(), "height", p.height(), "caption", p.caption(),
                "credit", p.credit(), "creator", p.creator(), "altText", p.altText()));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        body.put("next_page", rows.size() > 50 ? Integer.valueOf(page + 1) : null);
        ctx.contentType("application/json").result(json.writeValueAsString(body));
    }

    private void show(Context ctx) throws Exception {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            Problem.send(ctx, 404, Problem.title(404), "No photo " + ctx.pathParam("id") + ".");
            return;
        }
        var photo = store.find(id);
        if (photo.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No photo " + id + ".");
            return;
        }
        respond(ctx, photo.get());
    }

    @SuppressWarnings("unchecked")
    private void respond(Context ctx, Photo p) throws Exception {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("url", baseUrl + p.url());
        m.put("mime", p.mime());
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("caption", p.caption());
        m.put("credit", p.credit());
        m.put("creator", p.creator());
        m.put("copyright", p.copyright());
        m.put("altText", p.altText());
        m.put("title", p.title());
        var list = new ArrayList<Map<String, Object>>();
        for (var r : renditions.wanted(p)) {
            list.add(Map.of("name", r.name(), "url", baseUrl + p.rendition(r.name()), "width", r.width(), "height", r.height()));
        }
        m.put("renditions", list);
        m.put("fromFile", json.readValue(store.sourceMetadata(p.id()), Map.class));
        ctx.contentType("application/json").result(json.writeValueAsString(m));
    }

    private static String field(Context ctx, String name) {
        var v = ctx.formParam(name);
        return v == null ? "" : v;
    }
}
