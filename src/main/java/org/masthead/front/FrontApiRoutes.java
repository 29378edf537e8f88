package org.masthead.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.http.Access;
import org.masthead.http.Problem;

/**
 * {@code GET} and {@code PUT /api/v1/fronts/{home|<section-slug>}}: the programmed slots
 * ({@code {"slots": [{"article_id": N, "pinned_until": "<ISO-8601>"|null}]}}) and, on GET, the
 * stories readers see there now.
 */
public final class FrontApiRoutes {
    private final Fronts fronts;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public FrontApiRoutes(Fronts fronts, String baseUrl) {
        this.fronts = fronts;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/fronts/{front}", this::show, Access.API_READ);
        r.put("/api/v1/fronts/{front}", this::update, Access.API_EDITOR);
    }

    private void show(Context ctx) throws Exception {
        var front = fronts.find(ctx.pathParam("front"));
        if (front.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No front '" + ctx.pathParam("front") + "': use home or a section's slug.");
            return;
        }
        send(ctx, 200, view(front.get(), fronts.slots(front.get())));
    }

    private void update(Context ctx) throws Exception {
        var front = fronts.find(ctx.pathParam("front"));
        if (front.isEmpty()) {
            Problem.send(ctx, 404, Problem.title(404), "No front '" + ctx.pathParam("front") + "': use home or a section's slug.");
            return;
        }
        var parsed = Problem.jsonObject(ctx);
        if (parsed.isEmpty()) return;
        var body = parsed.get();
        if (!body.path("slots").isArray()) {
            Problem.send(ctx, 400, Problem.title(400), "The body must be a JSON object with a \"slots\" array.");
            return;
        }
        if (body.get("slots").size() > Fronts.MAX_SLOTS) { // one answer, however long the list
            Problem.invalid(ctx, Map.of("slots", Fronts.tooMany(body.get("slots").size())));
            return;
        }
        var slots = new ArrayList<Fronts.Slot>();
        var problems = new LinkedHashMap<String, String>();
        int i = 0;
        for (var n : body.get("slots")) {
            var field = "slots[" + i++ + "]";
            var id = n.path("article_id");
            if (!n.isObject() || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
                problems.put(field + ".article_id", "Each slot needs an article_id, the id of a published story.");
                continue;
            }
            var until = n.path("pinned_until");
            Long pinnedUntil = null;
            if (!until.isMissingNode() && !until.isNull()) {
                try {
                    pinnedUntil = Instant.parse(until.asText()).toEpochMilli();
                } catch (java.time.format.DateTimeParseException e) {
                    problems.put(field + ".pinned_until", "Send pinned_until as an ISO-8601 instant such as 2026-12-02T06:00:00Z, or null.");
                    continue;
                }
            }
            slots.add(new Fronts.Slot(id.asLong(), pinnedUntil));
        }
        if (!problems.isEmpty()) {
            Problem.invalid(ctx, problems);
            return;
        }
        switch (fronts.set(front.get(), slots)) {
            case Fronts.Result.Saved saved -> send(ctx, 200, view(front.get(), saved.slots()));
            case Fronts.Result.Invalid invalid -> Problem.invalid(ctx, invalid.problems());
        }
    }

    private Map<String, Object> view(Fronts.Front front, List<Fronts.Slot> slots) {
        var m = new LinkedHashMap<String, Object>();
        m.put("front", front.name());
        m.put("url", baseUrl + front.readerPath());
        var out = new ArrayList<Map<String, Object>>();
        for (var s : slots) {
            var slot = new LinkedHashMap<String, Object>();
            slot.put("article_id", s.articleId());
            slot.put("pinned_until", s.pinnedUntil() == null ? null : Instant.ofEpochMilli(s.pinnedUntil()).toString());
            out.add(slot);
        }
        m.put("slots", out);
        var programmed = slots.stream().map(Fronts.Slot::articleId).toList();
        m.put("stories", fronts.resolve(front, front.section() == null ? Fronts.HOME_SLOTS : Fronts.MAX_SLOTS).stream().map(a -> {
            var story = new LinkedHashMap<String, Object>();
            story.put("article_id", a.id());
            story.put("headline", a.headline());
            story.put("url", baseUrl + a.path());
            story.put("has_photo", a.leadPhoto() != null);
            story.put("programmed", programmed.contains(a.id()));
            return story;
        }).toList());
        return m;
    }

    private void send(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    }
}
