package org.masthead.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.masthead.account.ApiGuard;
import org.masthead.http.Access;
import org.masthead.http.Problem;

/**
 * Static pages in the content API: {@code POST /api/v1/pages} with {"title", "slug", "body_html"}
 * returns the page with its {@code url}; {@code GET}, {@code PUT} (with the {@code revision} it is
 * based on) and {@code DELETE /api/v1/pages/{id}}; {@code GET /api/v1/pages} lists them.
 */
public final class PageApiRoutes {
    private final Pages pages;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public PageApiRoutes(Pages pages, String baseUrl) {
        this.pages = pages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/pages", ctx -> send(ctx, 200, Map.of("items", pages.list().stream().map(this::view).toList())), Access.API_READ);
        r.post("/api/v1/pages", this::create, Access.API_EDITOR);
        r.get("/api/v1/pages/{id}", this::show, Access.API_READ);
        r.put("/api/v1/pages/{id}", this::update, Access.API_EDITOR);
        r.delete("/api/v1/pages/{id}", this::delete, Access.API_EDITOR);
    }

    private Optional<StaticPage> page(Context ctx) {
        try {
            return pages.find(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void missing(Context ctx) { Problem.send(ctx, 404, Problem.title(404), "No page " + org.masthead.http.PlainText.shorten(ctx.pathParam("id"), 40) + "."); }

    private void show(Context ctx) throws Exception {
        var p = page(ctx);
        if (p.isEmpty()) {
            missing(ctx);
            return;
        }
        send(ctx, 200, view(p.get()));
    }

    private static Optional<JsonNode> body(Context ctx) { return Problem.jsonObject(ctx); }

    /** The draft the body describes, or empty after a 422 naming a field that is not a string. */
    private Optional<Pages.Draft> draft(Context ctx, JsonNode body, StaticPage current) {
        var wrong = new LinkedHashMap<String, String>();
        for (var f : new String[] {"title", "slug", "body_html", "language"}) if (body.has(f) && !body.get(f).isTextual()) wrong.put(f, f + " must be a string.");
        if (!wrong.isEmpty()) {
            Problem.invalid(ctx, wrong);
            return Optional.empty();
        }
        java.util.function.BiFunction<String, String, String> field = (name, kept) -> body.has(name) ? body.get(name).asText() : kept;
        return Optional.of(new Pages.Draft(field.apply("title", current == null ? "" : current.title()), field.apply("slug", current == null ? "" : current.slug()),
            field.apply("body_html", current == null ? "" : current.bodyHtml()), field.apply("language", current == null ? "" : current.language())));
    }

    private void create(Context ctx) throws Exception {
        var body = body(ctx);
        if (body.isEmpty()) return;
        var d = draft(ctx, body.get(), null);
        if (d.isEmpty()) return;
        respond(ctx, pages.create(ApiGuard.token(ctx).createdBy(), d.get()), 201);
    }

    private void update(Context ctx) throws Exception {
        var current = page(ctx);
        if (current.isEmpty()) {
            missing(ctx);
            return;
        }
        var body = body(ctx);
        if (body.isEmpty()) return;
        if (!body.get().path("revision").isIntegralNumber()) {
            Problem.send(ctx, 400, Problem.title(400), "Send the 'revision' you based this change on (from GET /api/v1/pages/{id}).");
            return;
        }
        var d = draft(ctx, body.get(), current.get());
        if (d.isEmpty()) return;
        respond(ctx, pages.save(ApiGuard.token(ctx).createdBy(), current.get().id(), body.get().get("revision").asInt(), d.get()), 200);
    }

    private void delete(Context ctx) {
        var current = page(ctx);
        if (current.isEmpty() || !pages.delete(current.get().id())) {
            missing(ctx);
            return;
        }
        ctx.status(204);
    }

    private void respond(Context ctx, Pages.Result result, int ok) throws Exception {
        switch (result) {
            case Pages.Result.Saved saved -> {
                if (ok == 201) ctx.header("Location", "/api/v1/pages/" + saved.page().id());
                send(ctx, ok, view(saved.page()));
            }
            case Pages.Result.Invalid invalid -> Problem.invalid(ctx, invalid.problems());
            case Pages.Result.Conflict conflict -> Problem.send(ctx, 409, Problem.title(409), "The page was saved by someone else since the revision "
                + "you sent; it is now at revision " + conflict.current().revision() + ". GET it, merge, and send that revision.");
        }
    }

    Map<String, Object> view(StaticPage p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("url", baseUrl + p.path());
        m.put("path", p.path());
        m.put("slug", p.slug());
        m.put("title", p.title());
        m.put("body_html", p.bodyHtml());
        m.put("language", p.language());
        m.put("revision", p.revision());
        m.put("created_at", Instant.ofEpochMilli(p.createdAt()).toString());
        m.put("updated_at", Instant.ofEpochMilli(p.updatedAt()).toString());
        return m;
    }

    private void send(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    }
}
