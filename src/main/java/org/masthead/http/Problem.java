package org.masthead.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;

/** RFC 9457 problem details, the error shape of the content API. */
public final class Problem {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problem() {}

    public static void send(Context ctx, int status, String title, String detail) { send(ctx, status, title, detail, null); }

    /** 422 with {@code errors}: field → what is wrong with it (the detail joins the messages). */
    public static void invalid(Context ctx, java.util.Map<String, String> errors) {
        send(ctx, 422, "Unprocessable content", String.join(" ", errors.values()), errors);
    }

    private static void send(Context ctx, int status, String title, String detail, java.util.@org.jspecify.annotations.Nullable Map<String, String> errors) {
        var p = new LinkedHashMap<String, Object>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", ctx.path());
        if (errors != null) p.put("errors", errors);
        try {
            ctx.status(status).header("Cache-Control", CacheControl.PRIVATE).contentType("application/problem+json")
                .result(JSON.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request's body as a JSON object; empty after a 400 saying it must be one. */
    public static java.util.Optional<com.fasterxml.jackson.databind.JsonNode> jsonObject(Context ctx) {
        try {
            var body = JSON.readTree(ctx.body());
            if (body != null && body.isObject()) return java.util.Optional.of(body);
        } catch (JsonProcessingException e) {
            // not JSON: below
        }
        send(ctx, 400, title(400), "The body must be a JSON object.");
        return java.util.Optional.empty();
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Error";
        };
    }
}
