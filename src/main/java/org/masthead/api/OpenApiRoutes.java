package org.masthead.api;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Serves the OpenAPI 3.1 description of /api/v1 (resources/api/openapi.json, checked by OpenApiIT). */
public final class OpenApiRoutes {
    private final byte[] document;

    private OpenApiRoutes(byte[] document) { this.document = document; }

    public static OpenApiRoutes load() {
        try (var in = OpenApiRoutes.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) throw new IllegalStateException("api/openapi.json is missing from the jar");
            return new OpenApiRoutes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/api/v1/openapi.json", ctx -> ctx.header("Cache-Control", CacheControl.publicFor(300)).contentType("application/json").result(document), Access.ANYONE);
    }
}
