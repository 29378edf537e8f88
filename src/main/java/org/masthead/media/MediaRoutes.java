package org.masthead.media;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.regex.Pattern;

/** Serves photo originals by content hash, so every URL is immutable and cached for a year. */
public final class MediaRoutes {
    private static final Pattern FILE = Pattern.compile("^([0-9a-f]{64})\\.(jpg|png|gif|webp)$");
    private final BlobStore blobs;

    public MediaRoutes(BlobStore blobs) { this.blobs = blobs; }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/media/{file}", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        var m = FILE.matcher(ctx.pathParam("file"));
        if (!m.matches()) throw new NotFoundResponse("no such photo");
        var format = PhotoFormat.fromExtension(m.group(2)).orElseThrow();
        var bytes = blobs.get("originals/" + m.group(1).substring(0, 2) + "/" + m.group(1) + "." + format.extension())
            .orElseThrow(() -> new NotFoundResponse("no such photo"));
        var etag = "\"" + m.group(1) + "\"";
        ctx.header("Cache-Control", "public, max-age=31536000, immutable").header("ETag", etag)
            .header("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(format.mime()).result(bytes);
    }
}
