package org.masthead.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.account.ApiGuard;
import org.masthead.account.NewsroomGuard;
import org.masthead.http.Access;
import org.masthead.http.Chrome;
import org.masthead.http.Http;
import org.masthead.http.Problem;
import org.masthead.http.Templates;

/** The wire queue in the newsroom (editors: read, use, dismiss) and {@code POST /api/v1/ingest} for agencies' and tools' pushes. */
public final class WireRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Wire wire;
    private final NewsroomGuard guard;
    private final Templates templates;

    public WireRoutes(Wire wire, NewsroomGuard guard, Templates templates) {
        this.wire = wire;
        this.guard = guard;
        this.templates = templates;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/newsroom/wire", ctx -> templates.privatePage(ctx, 200, "newsroom/wire.jte",
            new QueuePage(guard.chrome(ctx, "Wire", "wire"), wire.store().queue(200), System.currentTimeMillis(), notice(ctx))), Access.EDITOR);
        r.get("/newsroom/wire/{id}", this::read, Access.EDITOR);
        r.post("/newsroom/wire/{id}/use", this::use, Access.EDITOR);
        r.post("/newsroom/wire/{id}/dismiss", this::dismiss, Access.EDITOR);
        r.post("/api/v1/ingest", this::ingest, Access.API_EDITOR);
    }

    public record QueuePage(Chrome chrome, List<WireItem> items, long now, String notice) {}

    public record ItemPage(Chrome chrome, WireItem item, long now, String notice) {}

    private static String notice(Context ctx) {
        return switch (ctx.queryParamAsClass("done", String.class).getOrDefault("")) {
            case "dismissed" -> "Dismissed.";
            case "gone" -> "That item was used or dismissed already.";
            default -> "";
        };
    }

    private WireItem load(Context ctx) { return wire.store().find(Http.id(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such wire item")); }

    private void read(Context ctx) {
        var item = load(ctx);
        templates.privatePage(ctx, 200, "newsroom/wire-item.jte", new ItemPage(guard.chrome(ctx, item.headline(), "wire"), item, System.currentTimeMillis(), ""));
    }

    private void use(Context ctx) {
        var item = load(ctx);
        switch (wire.use(NewsroomGuard.user(ctx), item.id())) {
            case Wire.Used.Made made -> {
                boolean photoTrouble = made.notes().stream().anyMatch(n -> n.startsWith("Photo "));
                ctx.redirect("/newsroom/articles/" + made.storyId() + "?wire=" + (photoTrouble ? "2" : "1"), io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case Wire.Used.Refused refused -> templates.privatePage(ctx, refused.status(), "newsroom/wire-item.jte",
                new ItemPage(guard.chrome(ctx, item.headline(), "wire"), wire.store().find(item.id()).orElse(item), System.currentTimeMillis(), refused.reason()));
        }
    }

    private void dismiss(Context ctx) {
        var item = load(ctx);
        ctx.redirect("/newsroom/wire?done=" + (wire.dismiss(item.id()) ? "dismissed" : "gone"), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void ingest(Context ctx) throws Exception {
        var length = ctx.contentLength();
        if (length > Wire.MAX_BYTES) {
            Problem.send(ctx, 413, Problem.title(413), "A wire document is at most " + Wire.MAX_BYTES / 1024 / 1024 + " MB.");
            return;
        }
        var bytes = ctx.bodyInputStream().readNBytes(Wire.MAX_BYTES + 1);
        var token = ApiGuard.token(ctx);
        var outcomes = wire.ingest("api" + (token == null ? "" : ": " + token.name()), bytes);
        var results = outcomes.stream().map(WireRoutes::view).toList();
        boolean allRefused = outcomes.stream().allMatch(o -> o instanceof Wire.Outcome.Refused);
        if (allRefused) {
            var reasons = outcomes.stream().map(o -> ((Wire.Outcome.Refused) o).reason()).toList();
            var body = new LinkedHashMap<String, Object>();
            body.put("type", "about:blank");
            body.put("title", Problem.title(422));
            body.put("status", 422);
            body.put("detail", String.join(" ", reasons));
            body.put("results", results);
            ctx.status(422).contentType("application/problem+json").result(JSON.writeValueAsString(body));
            return;
        }
        boolean added = outcomes.stream().anyMatch(o -> o instanceof Wire.Outcome.Added);
        ctx.status(added ? 201 : 200).contentType("application/json").result(JSON.writeValueAsString(Map.of("results", results)));
    }

    static Map<String, Object> view(Wire.Outcome o) {
        var m = new LinkedHashMap<String, Object>();
        switch (o) {
            case Wire.Outcome.Added a -> {
                m.put("outcome", "added");
                m.put("id", a.id());
                m.put("warnings", a.warnings());
            }
            case Wire.Outcome.Updated u -> {
                m.put("outcome", "updated");
                m.put("id", u.id());
                m.put("version", u.version());
                m.put("flag", u.flag());
            }
            case Wire.Outcome.Unchanged u -> {
                m.put("outcome", "unchanged");
                m.put("id", u.id());
                m.put("version", u.version());
            }
            case Wire.Outcome.Folded f -> {
                m.put("outcome", "folded");
                m.put("id", f.id());
                m.put("into_guid", f.into());
            }
            case Wire.Outcome.Refused r -> {
                m.put("outcome", "refused");
                m.put("reason", r.reason());
            }
        }
        m.put("guid", o.guid());
        return m;
    }
}
