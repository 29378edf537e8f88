package org.masthead.media;

import org.masthead.http.CacheControl;
import org.masthead.http.Access;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.regex.Pattern;

/** Serves photo originals by content hash, so every URL is immutable and cached for a year. */
public final class MediaRoutes {
    private static final Pattern FILE = Pattern.compile("^([0-9a-f]{64})\\.(jpg|png|gif|webp)$");
    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern RENDITION = Pattern.compile("^(?:w[0-9]{2,5}|(?:wide|square)-w[0-9]{2,5}-f[0-9]{1,3}x[0-9]{1,3})\\.jpg$");
    private final BlobStore blobs;
    private final Renditions renditions;

    public MediaRoutes(BlobStore blobs, Renditions renditions) {
        this.blobs = blobs;
        this.renditions = renditions;
    }

    public void mount(JavalinDefaultRoutingApi r) {
        r.get("/media/{file}", this::serve, Access.ANYONE);
        r.get("/media/r/{sha}/{name}", this::rendition, Access.ANYONE);
    }

    /** A rendition, made on the spot when the background job has not reached it yet. */
    private void rendition(Context ctx) throws IOException {
        var sha = ctx.pathParam("sha");
        var name = ctx.pathParam("name");
        if (!SHA.matcher(sha).matches() || !RENDITION.matcher(name).matches()) throw new NotFoundResponse("no such rendition");
        var bytes = renditions.get(sha, name);
        if (bytes.isEmpty()) { // not a rendition this photo has (too small, or an old focal point): send the nearest one it has
            var nearest = renditions.nearest(sha, name).filter(n -> !n.equals(name)).orElseThrow(() -> new NotFoundResponse("no such rendition"));
            ctx.header("Cache-Control", CacheControl.publicFor(3600));
            ctx.redirect("/media/r/" + sha + "/" + nearest, io.javalin.http.HttpStatus.FOUND);
            return;
        }
        var etag = "\"" + sha.substring(0, 16) + "-" + name + "\"";
        ctx.header("Cache-Control", CacheControl.IMMUTABLE).header("ETag", etag).header("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("image/jpeg").result(bytes.get());
    }

    private void serve(Context ctx) throws IOException {
        var m = FILE.matcher(ctx.pathParam("file"));
        if (!m.matches()) throw new NotFoundResponse("no such photo");
        var format = PhotoFormat.fromExtension(m.group(2)).orElseThrow();
        var bytes = blobs.get("originals/" + m.group(1).substring(0, 2) + "/" + m.group(1) + "." + format.extension())
            .orElseThrow(() -> new NotFoundResponse("no such photo"));
        var etag = "\"" + m.group(1) + "\"";
        ctx.header("Cache-Control", CacheControl.IMMUTABLE).header("ETag", etag)
            .header("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(format.mime()).result(bytes);
    }
}
