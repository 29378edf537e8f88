package org.masthead.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server as every route sees it: Javalin on virtual threads inside the fast lane, security
 * headers and the size limit before anything, each route's declared Access checked before its
 * handler, a stated caching on every response, and error pages (problem+json under /api/) instead
 * of stack traces. Routes classes are mounted in the order given.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** A 500,000-character body is up to ~6 MB urlencoded: forms that size are parsed, and validation refuses long fields with a message. */
    public static final int MAX_FORM_BYTES = 8_000_000;
    private static final String PLAIN_500 = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Something went wrong</title></head>
        <body><main><h1>Something went wrong</h1><p>Please try again in a moment. <a href="/">Go to the home page</a>.</p></main></body></html>""";

    /** Where and how much: {@code maxUploadBytes} bounds a request at twice that plus a megabyte of fields. */
    public record Settings(String host, int port, long maxUploadBytes) {
        long maxBody() { return Math.max(maxUploadBytes * 2 + 1_000_000, MAX_FORM_BYTES); }
    }

    /** The reader site's error pages, for everything that is not the API. */
    public record ErrorPages(ErrorPage error, Consumer<Context> notFound) {}

    @FunctionalInterface
    public interface ErrorPage {
        void render(Context ctx, int status, String heading, String message);
    }

    private WebServer() {}

    /** A server ready to start (nothing listens yet). */
    public static Javalin create(Settings settings, FastLane fastLane, ErrorPages pages, Handler accessCheck,
                                 List<Consumer<JavalinDefaultRoutingApi>> mounts) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.router.ignoreTrailingSlashes = false;
            cfg.http.maxRequestSize = settings.maxUploadBytes() + 1_000_000;
            cfg.http.generateEtags = false;
            cfg.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE; // pages are gzipped once, when cached
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            cfg.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes() * 2, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes() * 2 + 1_000_000, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.modifyServletContextHandler(h -> {
                h.setMaxFormContentSize(MAX_FORM_BYTES);
                h.setMaxFormKeys(1_000);
            });
            cfg.jetty.modifyServer(jetty -> jetty.setHandler(fastLane)); // Javalin nests inside it
            var r = cfg.routes;
            r.before(ctx -> SecurityHeaders.apply(ctx.path(), ctx::header));
            r.before(ctx -> { // no address carries a control character (PostgreSQL cannot even compare one)
                if (hasEncodedControl(ctx.req().getRequestURI()) || hasEncodedControl(ctx.req().getQueryString())) {
                    throw new HttpResponseException(400, "That address holds a control character (such as %00); no page has one.");
                }
            });
            r.before(ctx -> {
                if (ctx.contentLength() > settings.maxBody()) {
                    throw new HttpResponseException(413, "The request is " + (ctx.contentLength() >> 20) + " MB; uploads are limited to "
                        + (settings.maxUploadBytes() >> 20) + " MB.");
                }
            });
            r.before("/api/*", ctx -> ctx.header("Cache-Control", CacheControl.PRIVATE)); // API routes that may be cached say so
            r.beforeMatched(accessCheck);                          // each route's declared Access (see the routes classes)
            mounts.forEach(m -> m.accept(r));
            // Every response states its caching: a handler that said nothing gets the safe default.
            r.after(ctx -> {
                if (ctx.res().getHeader("Cache-Control") == null) {
                    ctx.header("Cache-Control", ctx.statusCode() == 301 ? CacheControl.REDIRECT : CacheControl.NO_STORE);
                }
            });
            r.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, pages, e.getStatus(), e.getMessage()));
            r.exception(Exception.class, (e, ctx) -> {
                if (tooLarge(e)) { // a body past Jetty's limits, found while parsing it (no Content-Length up front)
                    respond(ctx, pages, 413, "The request is larger than the server accepts; uploads are limited to "
                        + (settings.maxUploadBytes() >> 20) + " MB.");
                    return;
                }
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                if (ctx.path().startsWith("/api/")) {
                    Problem.send(ctx, 500, Problem.title(500), "Something went wrong on our side; it has been logged.");
                    return;
                }
                ctx.status(500).header("Cache-Control", CacheControl.NO_STORE).contentType("text/html; charset=utf-8").result(PLAIN_500);
            });
            r.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    if (!String.valueOf(ctx.res().getContentType()).contains("json")) Problem.send(ctx, 404, Problem.title(404), "No such API resource: " + ctx.path());
                    return;
                }
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Endpoint GET " + ctx.path() + " not found")) {
                    pages.notFound().accept(ctx);
                }
            });
        });
    }

    private static void respond(Context ctx, ErrorPages pages, int status, String message) {
        if (status != 413) Http.drain(ctx); // a refused upload's client reads the refusal, not a reset
        if (ctx.path().startsWith("/api/")) Problem.send(ctx, status, Problem.title(status), message);
        else pages.error().render(ctx, status, title(status), message);
    }

    /** A raw path or query with a percent-encoded C0 control or DEL (%00 … %1F, %7F), or a raw one. */
    static boolean hasEncodedControl(String raw) {
        if (raw == null) return false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) return true;
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0 && (hi < 2 || (hi == 7 && lo == 15))) return true;
            }
        }
        return false;
    }

    private static boolean tooLarge(Throwable e) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            var m = String.valueOf(t.getMessage());
            if (m.contains("max file size exceeded") || m.contains("larger than max length") || m.contains("max request size")) return true;
        }
        return false;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "That request could not be used";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 413 -> "Too large";
            case 422 -> "That text could not be used";
            default -> "Something went wrong";
        };
    }
}
