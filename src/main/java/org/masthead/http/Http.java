package org.masthead.http;

import io.javalin.http.Context;

/** Small request helpers shared by the handlers. */
public final class Http {
    private Http() {}

    /** A trimmed form field, empty when missing. */
    public static String field(Context ctx, String name) {
        var v = ctx.formParam(name);
        return v == null ? "" : v.trim();
    }

    /** A positive page number from {@code ?page=}, 1 when missing; 400 on garbage. */
    public static int page(Context ctx) {
        var raw = ctx.queryParam("page");
        if (raw == null || raw.isBlank()) return 1;
        try {
            int p = Integer.parseInt(raw);
            if (p >= 1 && p <= 100_000) return p;
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new io.javalin.http.BadRequestResponse("page must be a whole number from 1 to 100000");
    }

    /** A numeric id from a path parameter; 404 when it is not a number. */
    public static long id(Context ctx, String param) {
        try {
            return Long.parseLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw new io.javalin.http.NotFoundResponse("no such item");
        }
    }

    /**
     * Reads and drops what is left of a request's body (up to 16 MB) before a refusal is sent: a
     * client still sending an upload then reads the 401/403 instead of a reset connection.
     */
    public static void drain(Context ctx) {
        if (ctx.contentLength() <= 0 || ctx.contentLength() > 16_000_000) return;
        try (var in = ctx.req().getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException | IllegalStateException ignored) {
            // already read, or the client went away: nothing to drain
        }
    }
}
